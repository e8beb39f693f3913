import { describe, expect, it } from 'vitest';
import { PASTE_LIMIT_BYTES, pasteBytes, pasteTooLarge, safeLinkHref, utf8Length } from '../../../src/lib/editor/limits.ts';

describe('safeLinkHref', () => {
	it('keeps web and email addresses', () => {
		expect(safeLinkHref('https://www.comune.frosinone.it/servizi')).toBe('https://www.comune.frosinone.it/servizi');
		expect(safeLinkHref('http://asl.fr.it')).toBe('http://asl.fr.it/');
		expect(safeLinkHref('mailto:servizi.sociali@comune.it')).toBe('mailto:servizi.sociali@comune.it');
	});

	it('reads an address typed without a scheme as https, and a bare email as mailto', () => {
		expect(safeLinkHref('  www.comune.it ')).toBe('https://www.comune.it/');
		expect(safeLinkHref('anna.colombo@comune.it')).toBe('mailto:anna.colombo@comune.it');
	});

	it('refuses links that would run code or open other applications', () => {
		expect(safeLinkHref('javascript:alert(1)')).toBeNull();
		expect(safeLinkHref('JaVaScRiPt:alert(1)')).toBeNull();
		expect(safeLinkHref('data:text/html,<script>alert(1)</script>')).toBeNull();
		expect(safeLinkHref('ftp://files.example.org')).toBeNull();
		expect(safeLinkHref('tel:+39061234567')).toBeNull();
	});

	it('refuses what is not an address at all', () => {
		expect(safeLinkHref('')).toBeNull();
		expect(safeLinkHref('comune')).toBeNull();
		expect(safeLinkHref('due parole')).toBeNull();
		expect(safeLinkHref('mailto:')).toBeNull();
	});
});

describe('paste size', () => {
	it('counts bytes as UTF-8 sends them', () => {
		expect(utf8Length('abc')).toBe(3);
		expect(utf8Length('città')).toBe(6);
		expect(utf8Length('€')).toBe(3);
		expect(utf8Length('👋')).toBe(4);
	});

	it('accepts an ordinary paste and refuses one over 1 MB', () => {
		expect(pasteTooLarge({ text: 'Un paragrafo incollato.', nodes: 2 })).toBe(false);
		expect(pasteTooLarge({ text: 'x'.repeat(PASTE_LIMIT_BYTES + 1), nodes: 1 })).toBe(true);
	});

	it('counts the structure too, so a huge table of short cells is refused', () => {
		expect(pasteBytes({ text: 'ab', nodes: 10 })).toBe(82);
		expect(pasteTooLarge({ text: 'x'.repeat(100_000), nodes: 200_000 })).toBe(true);
	});
});
