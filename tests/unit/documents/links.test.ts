import { describe, expect, it } from 'vitest';
import { safeHref } from '../../../src/lib/documents/links.ts';

describe('safeHref', () => {
	it('keeps absolute http, https and mailto addresses, as the browser would follow them', () => {
		expect(safeHref('https://www.comune.frosinone.it')).toBe('https://www.comune.frosinone.it/');
		expect(safeHref('HTTP://asl.fr.it/servizi?x=1')).toBe('http://asl.fr.it/servizi?x=1');
		expect(safeHref('mailto:rete@coop.it')).toBe('mailto:rete@coop.it');
	});

	it('refuses scripts however they are disguised', () => {
		for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', ' java\nscript:alert(1)', '\tjavascript:alert(1)']) {
			expect(safeHref(href), href).toBeNull();
		}
	});

	it('refuses other protocols, relative addresses and anything that is not a string', () => {
		for (const href of ['data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd', 'tel:0775', '/networks', 'www.comune.it', null, 42]) {
			expect(safeHref(href), String(href)).toBeNull();
		}
	});

	it('percent-encodes the characters that could break out of an attribute', () => {
		expect(safeHref('https://x.it/a b"<>')).toBe('https://x.it/a%20b%22%3C%3E');
	});
});
