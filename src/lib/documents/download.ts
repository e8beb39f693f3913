/**
 * Response headers for a document downloaded as a file. The name is the
 * document's title twice: an ASCII slug in `filename` for old clients, and the
 * title itself in RFC 5987's `filename*`, which every current browser prefers.
 */

/** The title in ASCII: accents dropped (comunità → comunita), anything else a hyphen. */
export function slug(title: string): string {
	const ascii = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, 80)
		.replace(/^-+|-+$/g, '');
	return ascii || 'documento';
}

/**
 * RFC 5987 percent-encoding: encodeURIComponent leaves ' ( ) * as they are,
 * but `filename*` allows none of them; it throws on a lone surrogate, which
 * becomes U+FFFD first.
 */
export const encodeRfc5987 = (value: string) =>
	encodeURIComponent(value.toWellFormed()).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function downloadHeaders(title: string, extension: string, contentType: string): Record<string, string> {
	// Path separators and control characters have no place in a file name.
	const name = title.replace(/[\u0000-\u001f\u007f/\\]+/g, ' ').trim().slice(0, 120) || slug(title);
	return {
		'Content-Type': contentType,
		'Content-Disposition': `attachment; filename="${slug(title)}.${extension}"; filename*=UTF-8''${encodeRfc5987(`${name}.${extension}`)}`,
		// A document is private to its network: no shared cache may keep a copy.
		'Cache-Control': 'private, no-store'
	};
}
