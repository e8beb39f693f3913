import { describe, expect, it } from 'vitest';
import { downloadHeaders, slug } from '../../../src/lib/documents/download.ts';

describe('download headers', () => {
	it('slug a title into ASCII, accents dropped', () => {
		expect(slug('Patto di comunità — Ambito di Frosinone 2027/28')).toBe('patto-di-comunita-ambito-di-frosinone-2027-28');
		expect(slug('«»?!')).toBe('documento');
	});

	it('offer the file as an attachment under both its slug and its real title', () => {
		const headers = downloadHeaders('Patto "comunità" (bozza)', 'md', 'text/markdown; charset=utf-8');
		expect(headers['Content-Disposition']).toBe(
			`attachment; filename="patto-comunita-bozza.md"; filename*=UTF-8''Patto%20%22comunit%C3%A0%22%20%28bozza%29.md`
		);
		expect(headers['Content-Type']).toBe('text/markdown; charset=utf-8');
	});

	it('keep path separators and line breaks out of the file name', () => {
		const disposition = downloadHeaders('a/b\\c\r\nd', 'docx', 'x')['Content-Disposition'];
		expect(disposition).toContain(`filename*=UTF-8''a%20b%20c%20d.docx`);
		expect(disposition).not.toMatch(/[\r\n]/);
	});

	it('forbid shared caches from keeping a private document', () => {
		expect(downloadHeaders('x', 'md', 'text/markdown')['Cache-Control']).toBe('private, no-store');
	});
});
