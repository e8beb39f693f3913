import { describe, expect, it } from 'vitest';
import {
	contentDisposition,
	fileResponseHeaders,
	parseRange,
	servedContentType
} from '../../../src/lib/server/files/serving.ts';

/** The two names a Content-Disposition carries, read back as a browser would. */
function namesIn(disposition: string) {
	const match = disposition.match(/^(inline|attachment); filename="([^"\\]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]*)$/);
	if (!match) throw new Error(`not an RFC 6266 disposition: ${disposition}`);
	return { type: match[1], fallback: match[2], name: decodeURIComponent(match[3]) };
}

describe('content disposition', () => {
	it('offers a plain name as it is, twice', () => {
		expect(contentDisposition('attachment', 'Avviso pubblico 2027.pdf')).toBe(
			`attachment; filename="Avviso pubblico 2027.pdf"; filename*=UTF-8''Avviso%20pubblico%202027.pdf`
		);
		expect(contentDisposition('inline', 'foto.png')).toBe(`inline; filename="foto.png"; filename*=UTF-8''foto.png`);
	});

	it.each([
		['Patto "di comunità" (bozza).docx', 'Patto _di comunita_ (bozza).docx'],
		['back\\slash.txt', 'back_slash.txt'],
		['100%.txt', '100_.txt'],
		["l'avviso*.pdf", "l'avviso*.pdf"],
		['Relazione 🚀 finale.pdf', 'Relazione _ finale.pdf'],
		['報告書.pdf', '___.pdf'],
		['ﬁnale.txt', 'finale.txt'],
		['a/b.txt', 'a_b.txt'],
		['riga\r\nSet-Cookie: x=1.txt', 'riga__Set-Cookie: x=1.txt'],
		['', 'file']
	])('writes %j with an ASCII fallback %j and the exact name in filename*', (name, fallback) => {
		const disposition = contentDisposition('attachment', name);
		expect(disposition).not.toMatch(/[\r\n\0]/);
		expect(namesIn(disposition)).toEqual({ type: 'attachment', fallback, name });
	});

	it('percent-encodes what RFC 5987 leaves out of filename*', () => {
		expect(contentDisposition('attachment', "l'avviso (1)*.pdf")).toContain(`filename*=UTF-8''l%27avviso%20%281%29%2A.pdf`);
	});

	it('survives a lone surrogate', () => {
		expect(namesIn(contentDisposition('attachment', 'x\uD800.txt')).name).toBe('x\uFFFD.txt');
	});
});

describe('served content types', () => {
	it.each([
		['image/png', 'image/png'],
		['application/pdf', 'application/pdf'],
		['text/plain', 'text/plain; charset=utf-8'],
		['text/csv', 'text/csv; charset=utf-8'],
		['Text/Markdown; charset=latin1', 'text/markdown; charset=utf-8'],
		['application/json', 'application/json'],
		['application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.text']
	])('sends %j as %j', (stored, served) => {
		expect(servedContentType(stored)).toBe(served);
	});

	it.each([
		'text/html',
		'TEXT/HTML; charset=utf-8',
		'image/svg+xml',
		'application/xml',
		'text/xml',
		'text/xsl',
		'application/xhtml+xml',
		'application/rss+xml',
		'application/mathml+xml',
		'text/javascript',
		'application/javascript',
		'application/x-javascript',
		'application/ecmascript',
		'',
		'nonsense',
		'text/plain\r\nSet-Cookie: x=1',
		'text/plain, text/html',
		'text /html'
	])('sends the active or malformed %j as plain bytes', (stored) => {
		expect(servedContentType(stored)).toBe('application/octet-stream');
	});
});

describe('file response headers', () => {
	const headers = (contentType: string, wantInline: boolean, name = 'file') =>
		fileResponseHeaders({ name, contentType, size: 1234, etag: 'v1-abc', wantInline });

	it('shows an image in place only when asked to', () => {
		expect(headers('image/png', true, 'foto.png')['Content-Disposition']).toMatch(/^inline; filename="foto.png"/);
		expect(headers('image/png', false, 'foto.png')['Content-Disposition']).toMatch(/^attachment; /);
		expect(headers('application/pdf', true)['Content-Disposition']).toMatch(/^inline; /);
	});

	it.each(['image/svg+xml', 'text/html', 'text/plain', 'application/xml', 'image/tiff', 'application/octet-stream'])(
		'always sends %j as an attachment, even when asked to show it',
		(contentType) => {
			expect(headers(contentType, true)['Content-Disposition']).toMatch(/^attachment; /);
		}
	);

	it('sends the headers every file needs, whatever its type', () => {
		for (const contentType of ['image/png', 'application/pdf', 'text/html', 'text/plain']) {
			for (const wantInline of [true, false]) {
				const sent = headers(contentType, wantInline);
				expect(sent['X-Content-Type-Options']).toBe('nosniff');
				expect(sent['Accept-Ranges']).toBe('bytes');
				expect(sent['Cache-Control']).toBe('private, no-cache');
				expect(sent['Cross-Origin-Resource-Policy']).toBe('same-origin');
				expect(sent['X-Frame-Options']).toBe('SAMEORIGIN');
				expect(sent.ETag).toBe('"v1-abc"');
				expect(sent).not.toHaveProperty('Content-Length');
			}
		}
	});

	it('types the response by what it is served as, never as active content', () => {
		expect(headers('text/html', true)['Content-Type']).toBe('application/octet-stream');
		expect(headers('image/svg+xml', true)['Content-Type']).toBe('application/octet-stream');
		expect(headers('text/csv', false)['Content-Type']).toBe('text/csv; charset=utf-8');
		expect(headers('image/webp', true)['Content-Type']).toBe('image/webp');
	});

	it('sandboxes every file but a PDF, which no browser would then show', () => {
		for (const contentType of ['image/png', 'image/svg+xml', 'text/html', 'text/plain', 'application/zip']) {
			expect(headers(contentType, true)['Content-Security-Policy']).toBe(
				"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
			);
		}
		const pdf = headers('application/pdf', true)['Content-Security-Policy'];
		expect(pdf).toBe("default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'");
		expect(pdf).not.toMatch(/sandbox|script-src/);
	});

	it('quotes the etag it is given and keeps characters an etag cannot hold out of it', () => {
		const etag = (value: string) =>
			fileResponseHeaders({ name: 'a', contentType: 'image/png', size: 1, etag: value, wantInline: false }).ETag;
		expect(etag('3f2a8c1e-5b7d')).toBe('"3f2a8c1e-5b7d"');
		expect(etag('"già-quotato"')).toBe('"gi-quotato"');
		expect(etag('a b\r\nc')).toBe('"abc"');
	});

	it('never lets a file name break out of its header', () => {
		const sent = headers('image/png', true, 'x"\r\nContent-Type: text/html\r\n\r\n<script>.png');
		for (const value of Object.values(sent)) expect(value).not.toMatch(/[\r\n]/);
	});
});

describe('byte ranges', () => {
	// The examples of RFC 9110 §14.1.2, on a 10,000-byte representation.
	it.each([
		['bytes=0-499', { first: 0, last: 499 }],
		['bytes=500-999', { first: 500, last: 999 }],
		['bytes=-500', { first: 9500, last: 9999 }],
		['bytes=9500-', { first: 9500, last: 9999 }],
		['bytes=0-0', { first: 0, last: 0 }],
		['bytes=-1', { first: 9999, last: 9999 }]
	])('reads %j as one range', (header, range) => {
		expect(parseRange(header, 10_000)).toEqual(range);
	});

	it.each(['bytes=0-0,-1', 'bytes=0-999,4500-5499,-1000', 'bytes=500-600,601-999', 'bytes=500-700,601-999'])(
		'sends the whole file for the several ranges of %j',
		(header) => {
			expect(parseRange(header, 10_000)).toBeNull();
		}
	);

	it('accepts the unit in any case, white space around the list and empty list elements', () => {
		expect(parseRange('Bytes=0-9', 100)).toEqual({ first: 0, last: 9 });
		expect(parseRange('BYTES=0-9', 100)).toEqual({ first: 0, last: 9 });
		expect(parseRange(' bytes= 0-9 ', 100)).toEqual({ first: 0, last: 9 });
		expect(parseRange('bytes=0-9, ,', 100)).toEqual({ first: 0, last: 9 });
		expect(parseRange('bytes=007-010', 100)).toEqual({ first: 7, last: 10 });
	});

	it.each([
		null,
		'',
		'bytes',
		'bytes=',
		'bytes=-',
		'bytes=,',
		'bytes=a-b',
		'bytes=1-2-3',
		'bytes=0x10-',
		'bytes=1.5-2',
		'bytes=+1-2',
		'bytes=-1-',
		'bytes=1 - 2',
		'bytes = 0-1',
		'bytes:0-1',
		'0-499',
		'items=0-1',
		'byte=0-1',
		'bytes=\u0661-\u0662'
	])('ignores the malformed or foreign %j', (header) => {
		expect(parseRange(header, 10_000)).toBeNull();
	});

	it('clamps a range that runs past the end to the last byte', () => {
		expect(parseRange('bytes=9000-20000', 10_000)).toEqual({ first: 9000, last: 9999 });
		expect(parseRange('bytes=-20000', 10_000)).toEqual({ first: 0, last: 9999 });
		expect(parseRange(`bytes=0-${'9'.repeat(400)}`, 10_000)).toEqual({ first: 0, last: 9999 });
		expect(parseRange(`bytes=-${'9'.repeat(400)}`, 10_000)).toEqual({ first: 0, last: 9999 });
	});

	it.each(['bytes=10000-', 'bytes=10000-10001', 'bytes=20000-30000', `bytes=${'9'.repeat(400)}-`, 'bytes=-0', 'bytes=500-499'])(
		'cannot satisfy %j on 10,000 bytes',
		(header) => {
			expect(parseRange(header, 10_000)).toBe('unsatisfiable');
		}
	);

	it('finds no byte to send in an empty file', () => {
		for (const header of ['bytes=0-', 'bytes=0-0', 'bytes=-1', 'bytes=-500']) expect(parseRange(header, 0)).toBe('unsatisfiable');
		expect(parseRange(null, 0)).toBeNull();
	});

	it('serves the last byte and a one-byte file', () => {
		expect(parseRange('bytes=9999-', 10_000)).toEqual({ first: 9999, last: 9999 });
		expect(parseRange('bytes=0-', 1)).toEqual({ first: 0, last: 0 });
		expect(parseRange('bytes=-5', 1)).toEqual({ first: 0, last: 0 });
	});
});
