import { describe, expect, it } from 'vitest';
import { it as italian } from '../../src/lib/i18n/it.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { isLocale, isMessageKey, translate } from '../../src/lib/i18n/translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
	it('has an English text for every Italian key and no extra ones', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(italian).sort());
	});

	it('uses the same placeholders in both languages', () => {
		for (const key of Object.keys(italian) as (keyof typeof italian)[]) {
			expect(placeholders(en[key]), key).toEqual(placeholders(italian[key]));
		}
	});

	it('fills placeholders and leaves unknown ones visible', () => {
		expect(translate('it', 'errors.rate_limited', { minutes: 15 })).toBe(
			'Troppi tentativi non riusciti. Riprova tra 15 minuti.'
		);
		expect(translate('en', 'errors.rate_limited')).toContain('{minutes}');
	});

	it('recognises only its own locales and keys', () => {
		expect(isLocale('it')).toBe(true);
		expect(isLocale('fr')).toBe(false);
		expect(isMessageKey('errors.last_facilitator')).toBe(true);
		expect(isMessageKey('toString')).toBe(false);
	});
});
