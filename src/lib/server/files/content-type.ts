// What a file is, told from its first bytes. The browser's claim and the
// file's name are whatever the uploader wanted them to be, so neither
// decides: the name only says which of several formats the same bytes can
// be (a CSV or plain text, a DOCX or an XLSX when the archive's directory
// is out of reach), or marks text as web content, never the other way round.
import { extensionOf } from '../../files/names.ts';

/** How many leading bytes detectContentType needs (enough for the ZIP and ftyp headers it reads). */
export const SNIFF_BYTES = 4100;

/** The content type of a file from its first SNIFF_BYTES bytes; 'application/octet-stream' when unknown. */
export function detectContentType(head: Uint8Array, name: string): string {
	const truncated = head.length >= SNIFF_BYTES;
	const bytes = head.subarray(0, SNIFF_BYTES);
	const extension = extensionOf(name);
	for (const detect of BINARY) {
		const type = detect(bytes, extension);
		if (type) return type;
	}
	return textType(bytes, extension, truncated) ?? 'application/octet-stream';
}

type Detector = (head: Uint8Array, extension: string) => string | null;

function when(type: string, test: (head: Uint8Array) => boolean): Detector {
	return (head) => (test(head) ? type : null);
}

// Magic numbers as their specifications publish them, most specific first.
const BINARY: Detector[] = [
	when('application/pdf', (h) => has(h, 0, '%PDF-')),
	when('image/png', (h) => has(h, 0, '\x89PNG\r\n\x1a\n')),
	when('image/jpeg', (h) => has(h, 0, '\xff\xd8\xff')),
	when('image/gif', (h) => has(h, 0, 'GIF87a') || has(h, 0, 'GIF89a')),
	riffType,
	isoMediaType,
	when('image/bmp', isBmp),
	when('image/tiff', (h) => ['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].some((magic) => has(h, 0, magic))),
	when('image/x-icon', (h) => has(h, 0, '\0\0\x01\0') && u16le(h, 4) > 0 && h[9] === 0),
	zipType,
	when('application/x-7z-compressed', (h) => has(h, 0, "7z\xbc\xaf'\x1c")),
	when('application/gzip', (h) => has(h, 0, '\x1f\x8b\x08')),
	when('application/vnd.rar', (h) => has(h, 0, 'Rar!\x1a\x07\0') || has(h, 0, 'Rar!\x1a\x07\x01\0')),
	oleType,
	when('audio/mpeg', (h) => has(h, 0, 'ID3') || isMpegAudioFrame(h)),
	oggType,
	when('audio/flac', (h) => has(h, 0, 'fLaC')),
	matroskaType,
	when('application/rtf', (h) => has(h, 0, '{\\rtf'))
];

/** RIFF containers say what they hold at byte 8. */
function riffType(head: Uint8Array): string | null {
	if (!has(head, 0, 'RIFF')) return null;
	if (has(head, 8, 'WEBP')) return 'image/webp';
	if (has(head, 8, 'WAVE')) return 'audio/wav';
	if (has(head, 8, 'AVI ')) return 'video/x-msvideo';
	return null;
}

/**
 * ISO base media files (MP4, MOV, AVIF, HEIC) open with an ftyp box: a
 * major brand and a list of compatible brands. Still images are told by
 * their brands, anything else is a movie or its audio.
 */
function isoMediaType(head: Uint8Array): string | null {
	if (!has(head, 4, 'ftyp') || head.length < 12) return null;
	const end = Math.min(head.length, Math.max(u32be(head, 0), 12));
	const major = latin1(head, 8, 12);
	const brands = [major];
	for (let at = 16; at + 4 <= end; at += 4) brands.push(latin1(head, at, at + 4));
	const any = (...wanted: string[]) => brands.some((brand) => wanted.includes(brand));
	if (any('avif', 'avis')) return 'image/avif';
	if (any('heic', 'heix', 'heim', 'heis', 'hevc', 'hevx')) return 'image/heic';
	if (any('mif1', 'msf1')) return 'image/heif';
	if (major === 'qt  ') return 'video/quicktime';
	if (['M4A ', 'M4B ', 'M4P '].includes(major)) return 'audio/mp4';
	if (major.startsWith('3g2')) return 'video/3gpp2';
	if (major.startsWith('3gp')) return 'video/3gpp';
	return 'video/mp4';
}

/** "BM" alone starts too many text files; a real bitmap follows it with a known DIB header size. */
function isBmp(head: Uint8Array): boolean {
	return has(head, 0, 'BM') && [12, 40, 52, 56, 64, 108, 124].includes(u32le(head, 14));
}

/**
 * An MPEG audio frame header without an ID3 tag: 11 sync bits, a valid
 * version, layer II or III, and a bitrate and sample rate that exist.
 */
function isMpegAudioFrame(head: Uint8Array): boolean {
	if (head.length < 3 || head[0] !== 0xff || (head[1] & 0xe0) !== 0xe0) return false;
	const version = (head[1] >> 3) & 3;
	const layer = (head[1] >> 1) & 3;
	const bitrate = head[2] >> 4;
	const sampleRate = (head[2] >> 2) & 3;
	return version !== 1 && (layer === 1 || layer === 2) && bitrate !== 15 && sampleRate !== 3;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const ZIP_BASED: Record<string, string> = {
	docx: DOCX,
	xlsx: XLSX,
	pptx: PPTX,
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	odp: 'application/vnd.oasis.opendocument.presentation'
};
const OOXML_FOLDERS: [string, string][] = [
	['word/', DOCX],
	['xl/', XLSX],
	['ppt/', PPTX]
];
// The only types an archive's own "mimetype" entry may name: anything else
// written there ("text/html") is the uploader's claim, not a format.
const ZIP_MIMETYPE = /^application\/(vnd\.oasis\.opendocument\.[a-z]+(-[a-z]+)*|epub\+zip)$/;

/**
 * A ZIP, or a format built on one. OpenDocument and EPUB store their type
 * uncompressed as the first entry, "mimetype". Office Open XML is told by
 * the folders of the entries within reach (word/, xl/, ppt/); when those
 * lie past the head, the extension picks among the office formats.
 */
function zipType(head: Uint8Array, extension: string): string | null {
	if (!['PK\x03\x04', 'PK\x05\x06', 'PK\x07\x08'].some((magic) => has(head, 0, magic))) return null;
	const entries = [...localEntries(head)];
	const [first] = entries;
	if (first?.name === 'mimetype' && first.method === 0 && first.size <= 100) {
		const declared = latin1(head, first.dataAt, first.dataAt + first.size);
		if (ZIP_MIMETYPE.test(declared)) return declared;
	}
	for (const { name } of entries) {
		const folder = OOXML_FOLDERS.find(([prefix]) => name.startsWith(prefix));
		if (folder) return folder[1];
	}
	return ZIP_BASED[extension] ?? 'application/zip';
}

/** The ZIP entries whose local headers lie wholly within the head, in order. */
function* localEntries(head: Uint8Array) {
	for (let at: number | null = 0; at !== null; ) {
		const entry = localEntry(head, at);
		if (!entry) return;
		yield entry;
		at = entry.next;
	}
}

function localEntry(head: Uint8Array, at: number) {
	if (at + 30 > head.length || !has(head, at, 'PK\x03\x04')) return null;
	const flags = u16le(head, at + 6);
	const size = u32le(head, at + 18);
	const nameLength = u16le(head, at + 26);
	const dataAt = at + 30 + nameLength + u16le(head, at + 28);
	if (dataAt > head.length) return null;
	return {
		name: latin1(head, at + 30, at + 30 + nameLength),
		method: u16le(head, at + 8),
		size,
		dataAt,
		// With bit 3 set the sizes come after the data, so the next header cannot be found from here.
		next: flags & 8 ? null : dataAt + size
	};
}

const OLE_BY_EXTENSION: Record<string, string> = {
	doc: 'application/msword',
	xls: 'application/vnd.ms-excel',
	ppt: 'application/vnd.ms-powerpoint',
	msg: 'application/vnd.ms-outlook'
};

/** Office 97–2003 files share one container; which program wrote it is named deep inside, so the extension tells. */
function oleType(head: Uint8Array, extension: string): string | null {
	if (!has(head, 0, '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')) return null;
	return OLE_BY_EXTENSION[extension] ?? 'application/x-ole-storage';
}

/** An Ogg page names its first stream's codec at byte 28. */
function oggType(head: Uint8Array): string | null {
	if (!has(head, 0, 'OggS')) return null;
	if (has(head, 28, '\x80theora')) return 'video/ogg';
	if (['\x01vorbis', 'OpusHead', 'Speex   ', '\x7fFLAC'].some((codec) => has(head, 28, codec))) return 'audio/ogg';
	return 'application/ogg';
}

/** Matroska and WebM share the EBML header; its DocType, early on, tells them apart. */
function matroskaType(head: Uint8Array): string | null {
	if (!has(head, 0, '\x1a\x45\xdf\xa3')) return null;
	const header = latin1(head, 4, 64);
	if (header.includes('webm')) return 'video/webm';
	if (header.includes('matroska')) return 'video/x-matroska';
	return null;
}

// Text by what its name says it holds. Web content keeps its type even when
// the bytes do not show it at the start: the label is then only stricter.
const TEXT_BY_EXTENSION: Record<string, string> = {
	csv: 'text/csv',
	tsv: 'text/tab-separated-values',
	md: 'text/markdown',
	markdown: 'text/markdown',
	html: 'text/html',
	htm: 'text/html',
	xhtml: 'application/xhtml+xml',
	svg: 'image/svg+xml',
	xml: 'application/xml',
	xsl: 'application/xml',
	js: 'text/javascript',
	mjs: 'text/javascript'
};

/**
 * Text: UTF-16 with its byte-order mark, or UTF-8 (ASCII included) without
 * the bytes the WHATWG MIME Sniffing standard calls binary. A head cut off
 * at SNIFF_BYTES may end inside a character, which is not an error.
 */
function textType(head: Uint8Array, extension: string, truncated: boolean): string | null {
	const utf16 = has(head, 0, '\xff\xfe') ? 'utf-16le' : has(head, 0, '\xfe\xff') ? 'utf-16be' : null;
	if (utf16) return markupType(new TextDecoder(utf16).decode(head)) ?? 'text/plain';
	if (head.some(isBinaryByte)) return null;
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: truncated });
	} catch {
		return null;
	}
	const markup = markupType(text);
	if (markup) return markup;
	if (extension === 'json') return /^\s*[[{]/.test(text) || parsesAsJson(text) ? 'application/json' : 'text/plain';
	return TEXT_BY_EXTENSION[extension] ?? 'text/plain';
}

const isBinaryByte = (byte: number) =>
	byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f);

function parsesAsJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

// Elements that open an HTML document or fragment: those WHATWG sniffing
// looks for, and those that run or load something.
const HTML_ELEMENTS = new Set(
	`html head body script iframe frameset frame object embed applet style title meta link base form input button
	textarea select img video audio source picture canvas math template noscript xmp plaintext marquee dialog details
	div span p a b i u em strong font center br hr h1 h2 h3 h4 h5 h6 table tr td th thead tbody ul ol li dl pre
	code blockquote section article main header footer nav aside`.split(/\s+/)
);

/**
 * Whether text is markup, from its first significant bytes: after any
 * XML declaration, processing instructions, comments and doctype, an
 * <svg> root is an SVG image, an HTML element (or a custom element, or
 * anything in the XHTML namespace) a web page, any other element XML.
 * A web page or an SVG can run scripts, whatever the file is called.
 */
function markupType(text: string): 'text/html' | 'image/svg+xml' | 'application/xml' | null {
	let rest = text.replace(/^\uFEFF/, '');
	let declared = false;
	let commented = false;
	for (;;) {
		rest = rest.trimStart();
		if (/^<!doctype\s+html\b/i.test(rest)) return 'text/html';
		if (/^<!doctype\s+svg\b/i.test(rest)) return 'image/svg+xml';
		if (rest.startsWith('<!--')) {
			commented = true;
			const end = rest.indexOf('-->');
			if (end < 0) return declared ? 'application/xml' : 'text/html';
			rest = rest.slice(end + 3);
		} else if (rest.startsWith('<?')) {
			declared = true;
			const end = rest.indexOf('?>');
			if (end < 0) return 'application/xml';
			rest = rest.slice(end + 2);
		} else if (/^<!doctype\b/i.test(rest)) {
			// An internal subset ("[ <!ENTITY …> ]") may hold '>' before the doctype ends.
			const end = rest.match(/^<!doctype[^[>]*(\[[\s\S]*?\]\s*)?>/i)?.[0].length;
			if (end === undefined) return 'application/xml';
			declared = true;
			rest = rest.slice(end);
		} else break;
	}
	const element = rest.match(/^<([a-z][\w.:-]*)(?=[\s/>])([^>]*)/i);
	if (!element) return declared ? 'application/xml' : commented ? 'text/html' : null;
	const name = element[1].toLowerCase();
	const local = name.slice(name.lastIndexOf(':') + 1);
	if (local === 'svg') return 'image/svg+xml';
	if (HTML_ELEMENTS.has(local) || /^[a-z][\w.]*-/.test(local) || element[2].includes('http://www.w3.org/1999/xhtml')) {
		return 'text/html';
	}
	return 'application/xml';
}

/** Whether the bytes at offset are those of magic, written as a string of byte values (\xNN). */
function has(head: Uint8Array, offset: number, magic: string): boolean {
	if (offset + magic.length > head.length) return false;
	for (let i = 0; i < magic.length; i++) if (head[offset + i] !== magic.charCodeAt(i)) return false;
	return true;
}

const latin1 = (head: Uint8Array, start: number, end: number) => String.fromCharCode(...head.subarray(start, end));
const u16le = (head: Uint8Array, at: number) => (head[at] ?? 0) | ((head[at + 1] ?? 0) << 8);
const u32le = (head: Uint8Array, at: number) => (u16le(head, at) | (u16le(head, at + 2) << 16)) >>> 0;
const u32be = (head: Uint8Array, at: number) =>
	(((head[at] ?? 0) << 24) | ((head[at + 1] ?? 0) << 16) | ((head[at + 2] ?? 0) << 8) | (head[at + 3] ?? 0)) >>> 0;
