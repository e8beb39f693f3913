import { describe, expect, it } from 'vitest';
import { isStorable, storable } from '../../src/lib/storable-text.ts';

describe('isStorable', () => {
	it('accepts any well-formed text without a NUL, emoji and right-to-left overrides included', () => {
		expect(isStorable('Cooperativa “Il Ponte” 👩‍👩‍👧 \u202Eabc \uFFFD')).toBe(true);
	});

	it('refuses a NUL, which a Postgres text column cannot hold', () => {
		expect(isStorable('a\u0000b')).toBe(false);
	});

	it('refuses a lone surrogate, high or low, which jsonb refuses and UTF-8 cannot encode', () => {
		expect(isStorable('a\uD800b')).toBe(false);
		expect(isStorable('a\uDC00')).toBe(false);
	});
});

describe('storable', () => {
	it('drops NULs and lone surrogates and keeps surrogate pairs', () => {
		expect(storable('\u0000Fro\uD800sinone 😀\uDC00')).toBe('Frosinone 😀');
	});

	it('gives back storable text unchanged', () => {
		const text = 'Ambito di Frosinone';
		expect(storable(text)).toBe(text);
	});
});
