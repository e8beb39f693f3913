import { describe, expect, it } from 'vitest';
import { imageFiles, PASTE_LIMIT_BYTES, pasteBytes, pasteTooLarge, safeLinkHref, utf8Length } from '../../../src/lib/editor/limits.ts';

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

describe('imageFiles', () => {
	const clipboard = (items: Record<string, string>, ...files: File[]) => ({ getData: (type: string) => items[type] ?? '', files });
	const screenshot = new File([new Uint8Array(8)], 'image.png', { type: 'image/png' });
	const pdf = new File([new Uint8Array(8)], 'avviso.pdf', { type: 'application/pdf' });

	it('takes a screenshot, or an image copied with its markup, as image files', () => {
		expect(imageFiles(clipboard({}, screenshot))).toEqual([screenshot]);
		expect(imageFiles(clipboard({ 'text/html': '<img src="https://example.org/a.png">' }, screenshot))).toEqual([screenshot]);
	});

	it('leaves text copied from a word processor, which brings a picture of itself, to be pasted as text', () => {
		expect(imageFiles(clipboard({ 'text/plain': 'Impegni delle parti', 'text/html': '<p>Impegni delle parti</p>' }, screenshot))).toEqual([]);
	});

	it('takes no file that is not an image, and nothing from no data', () => {
		expect(imageFiles(clipboard({}, pdf))).toEqual([]);
		expect(imageFiles(null)).toEqual([]);
	});
});
