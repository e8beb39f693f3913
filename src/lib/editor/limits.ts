// Small decisions the editor makes about what a person types or pastes.
import { safeHref } from '../documents/links.ts';

/**
 * The address a typed link should point to, or null. People type
 * "www.comune.it" or "nome@ente.it": those become https and mailto links.
 * The result must then pass safeHref, the one rule for links in documents
 * (http, https, mailto only: a `javascript:` link in a shared document would
 * run in every co-author's browser).
 */
export function safeLinkHref(input: string): string | null {
	const value = input.trim();
	if (!value || /\s/.test(value)) return null;
	let candidate = value;
	if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) {
		candidate = /^[^@/]+@[^@/]+\.[^@/]+$/.test(value) ? `mailto:${value}` : `https://${value}`;
	}
	const href = safeHref(candidate);
	if (!href) return null;
	const url = new URL(href);
	if (url.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+$/.test(url.pathname) ? href : null;
	// "https://comune" is a typo, not an address; localhost is for trying things out.
	return url.hostname.includes('.') || url.hostname === 'localhost' ? href : null;
}

/** The largest paste the editor accepts; the server closes a socket whose message is far bigger. */
export const PASTE_LIMIT_BYTES = 1024 * 1024;

/** The size, in bytes as sent over the wire (UTF-8), of pasted text. */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff) {
			// A surrogate pair is one 4-byte character.
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

/**
 * What a paste would add to the document, in bytes. What counts is what would
 * land in the document (the slice's text and structure), not the clipboard's
 * HTML, which word processors pad with styles ten times the text's size.
 */
export function pasteBytes(paste: { text: string; nodes: number }): number {
	// Each node costs a few bytes of Yjs structure; 8 is a generous average.
	return utf8Length(paste.text) + paste.nodes * 8;
}

export function pasteTooLarge(paste: { text: string; nodes: number }, limit = PASTE_LIMIT_BYTES): boolean {
	return pasteBytes(paste) > limit;
}

/**
 * The image files a paste or drop carries, when that is all it carries:
 * Word and LibreOffice put a picture of the copied text beside the text
 * itself, so with any plain text present the paste is text.
 */
export function imageFiles(data: Pick<DataTransfer, 'getData'> & { files: ArrayLike<File> } | null): File[] {
	if (!data || data.getData('text/plain')) return [];
	return Array.from(data.files).filter((file) => file.type.startsWith('image/'));
}
