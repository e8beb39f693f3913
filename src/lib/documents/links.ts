/**
 * The one rule for which links a document may carry, applied by the editor
 * (so an unsafe link is never made) and again by every export (so a link that
 * reached the Yjs state some other way is never rendered as one).
 */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The link as a browser would follow it, or null unless it is an absolute
 * http, https or mailto URL. Parsing with the WHATWG URL parser, rather than
 * matching a prefix, sees what a browser sees: it drops the tabs and newlines
 * of `java\nscript:` and the spaces around it. The parser's serialisation is
 * returned, so spaces, quotes and angle brackets are already percent-encoded.
 */
export function safeHref(href: unknown): string | null {
	if (typeof href !== 'string') return null;
	try {
		const url = new URL(href);
		return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
	} catch {
		return null;
	}
}
