// The headers of a stored file's response. Whatever the file holds, the
// browser must treat it as the type the server detected (nosniff), never
// run it in the app's origin (active types go out as bytes, and the
// policy sandboxes what is opened), and ask again on every use, so a
// person removed from a network loses its files at once.
import { encodeRfc5987 } from '../../documents/download.ts';
import { essenceOf, previewOf } from '../../files/kinds.ts';

/**
 * Content-Disposition with the name twice (RFC 6266): an ASCII fallback in
 * `filename` for old clients and the real name in `filename*`, which every
 * current browser prefers. Neither can carry a quote or a line break.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', name: string): string {
	return `${disposition}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** The name in printable ASCII: accents dropped (città → citta), anything else, and " \ % / too, an underscore. */
function asciiFallback(name: string): string {
	const ascii = [...name.normalize('NFKD').replace(/\p{M}/gu, '')]
		.map((char) => (/^[\x20-\x7e]$/.test(char) && !'"\\%/'.includes(char) ? char : '_'))
		.join('');
	return ascii || 'file';
}

const TYPE = /^[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+$/;

/**
 * Types a browser would render as a document that runs scripts or loads
 * more: HTML, XML of any flavour (SVG, XHTML, RSS… may all carry script)
 * and scripts themselves.
 */
const isActive = (essence: string) =>
	['text/html', 'application/xml', 'text/xml', 'text/xsl'].includes(essence) ||
	essence.endsWith('+xml') ||
	/javascript|ecmascript/.test(essence);

/** The Content-Type a stored file goes out with: active or malformed types as plain bytes, text as UTF-8. */
export function servedContentType(contentType: string): string {
	const essence = essenceOf(contentType);
	if (!TYPE.test(essence) || isActive(essence)) return 'application/octet-stream';
	return essence.startsWith('text/') ? `${essence}; charset=utf-8` : essence;
}

// An opened file loads nothing, runs nothing and lives in an opaque origin;
// img-src and the inline styles let the browser draw its own image viewer.
const FILE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
// A PDF is not sandboxed: Safari then refuses to show it at all, and so did
// Chromium for years (crbug 413851); the viewers run a PDF's scripts in
// their own sandbox, not in our origin. Chromium 156 (checked) ignores this
// policy for PDFs entirely; browsers that wrap a PDF in a page of their own
// embed it from the same URL (object-src) with inline styles.
// frame-ancestors lets the file page frame it even where X-Frame-Options
// says DENY, and no other site. plugin-types is left out: no browser
// supports it any more.
const PDF_POLICY = "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

export interface FileResponse {
	/** The stored, already safe name. */
	name: string;
	/** The type detected from the bytes at upload. */
	contentType: string;
	/** In bytes. Content-Length is left to the caller, who knows whether it sends a range. */
	size: number;
	/** Unquoted; what changes when the bytes do (a version id or a digest). */
	etag: string;
	/** Whether the page asked to show the file in place; only preview types ever are. */
	wantInline: boolean;
}

/** Every header of a file response except Content-Length and Content-Range. */
export function fileResponseHeaders({ name, contentType, etag, wantInline }: FileResponse): Record<string, string> {
	const inline = wantInline && previewOf(contentType) !== null;
	return {
		'Content-Type': servedContentType(contentType),
		'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', name),
		'X-Content-Type-Options': 'nosniff',
		'Accept-Ranges': 'bytes',
		ETag: `"${etag.replace(/[^\x21\x23-\x7e]/g, '')}"`,
		// Cached, but revalidated on every use: a removed member is refused at once.
		'Cache-Control': 'private, no-cache',
		'Content-Security-Policy': essenceOf(contentType) === 'application/pdf' ? PDF_POLICY : FILE_POLICY,
		'Cross-Origin-Resource-Policy': 'same-origin',
		// The file page shows PDFs in an iframe.
		'X-Frame-Options': 'SAMEORIGIN'
	};
}

/**
 * The one byte range a Range header asks for (RFC 9110 §14.1.2 and
 * §14.2): null to ignore the header and send the whole file (absent,
 * malformed, another unit, or several ranges, which a server may answer
 * in full); 'unsatisfiable' when no byte of the file is in it, or it ends
 * before it starts, for a 416 whose Content-Range names only the size.
 */
export function parseRange(header: string | null, size: number): { first: number; last: number } | 'unsatisfiable' | null {
	const set = header?.trim().match(/^bytes=(.*)$/i)?.[1];
	if (set === undefined) return null;
	// A list may hold empty elements ("bytes=0-99, "), which a recipient must accept.
	const specs = set.split(',').map((spec) => spec.trim()).filter(Boolean);
	if (specs.length !== 1) return null;
	const spec = specs[0].match(/^(\d*)-(\d*)$/);
	if (!spec || (spec[1] === '' && spec[2] === '')) return null;
	const [, from, to] = spec;
	if (from === '') {
		// bytes=-500: the last 500 bytes, or the whole file when it is shorter.
		const length = Number(to);
		return length === 0 || size === 0 ? 'unsatisfiable' : { first: Math.max(0, size - length), last: size - 1 };
	}
	const first = Number(from);
	const last = to === '' ? size - 1 : Number(to);
	if (last < first || first >= size) return 'unsatisfiable';
	return { first, last: Math.min(last, size - 1) };
}
