// File names as people gave them, made safe to store, list and download on
// any system while staying readable. The name is only a label: stored
// objects are keyed by the server, so nothing here decides where bytes live.

/** Caps that fit every common file system and Postgres text comfortably. */
export const MAX_NAME_CHARS = 200;
export const MAX_NAME_BYTES = 255;
/** A longer tail after the last dot is not an extension, just part of the name. */
export const MAX_EXTENSION_CHARS = 20;

// Line breaks and tabs separate words: they become spaces, not nothing.
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// Controls (C0, DEL, C1), format characters (among them the bidi overrides
// and isolates that make "invoice\u202Efdp.exe" display as "invoiceexe.pdf")
// and the other default-ignorable, invisible characters. Variation
// selectors are kept: they choose how an emoji or an ideograph looks.
const INVISIBLE = /(?![\u180B-\u180D\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const VISIBLE_LETTER = /^[\p{L}\p{M}\p{Extended_Pictographic}]$/u;
const ONE_INVISIBLE = new RegExp(`^(?:${INVISIBLE.source})$`, 'u');

/**
 * Zero-width joiners shape emoji sequences and words in Persian or the
 * Indic scripts, so they stay between two non-ASCII letters or pictographs;
 * anywhere else they only make two names that look alike differ.
 */
function keepsJoiner(char: string, offset: number, text: string): boolean {
	if (char !== '\u200C' && char !== '\u200D') return false;
	const before = [...text.slice(Math.max(0, offset - 2), offset)].at(-1);
	const after = String.fromCodePoint(text.codePointAt(offset + 1) ?? 0);
	// A neighbour that is itself removed (a Hangul filler is a letter, but invisible) joins nothing.
	return [before, after].every(
		(near) => near !== undefined && near > '\x7F' && VISIBLE_LETTER.test(near) && !ONE_INVISIBLE.test(near)
	);
}

const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
// Windows opens the device, not a file, for these names with any extension
// ("nul.txt"), and ignores spaces before the dot.
const DEVICE_NAME = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³]) *(\.|$)/i;

/**
 * A client's file name made safe and still readable: no directory part, no
 * invisible or control characters, nothing Windows refuses, at most 200
 * characters and 255 UTF-8 bytes with the extension kept; "file" when
 * nothing is left. Applying it twice changes nothing more.
 */
export function safeFileName(raw: string): string {
	const tidied = tidy(raw);
	const name = fits(tidied) ? tidied : tidy(shorten(tidied));
	return name || 'file';
}

/** "budget.xlsx", 2 → "budget (2).xlsx": the name a second file with the same name takes. */
export function numberedName(name: string, n: number): string {
	if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`not a file number: ${n}`);
	const { stem, extension } = splitName(safeFileName(name));
	// "archivio.tar.gz" is one format in two extensions: the number goes before both.
	const base = extension && /.\.tar$/i.test(stem) ? stem.slice(0, -'.tar'.length) : stem;
	const tail = ` (${n})${stem.slice(base.length)}${extension ? `.${extension}` : ''}`;
	return fitStem(base, tail) + tail;
}

/** The extension in lower case without its dot: "Bilancio.XLSX" → "xlsx", "archivio.tar.gz" → "gz", "Leggimi" → "". */
export const extensionOf = (name: string): string => splitName(name).extension.toLowerCase();

/**
 * The name cut at its last dot. A leading dot (".htaccess") starts a name
 * rather than an extension, and a tail with spaces or longer than 20
 * characters ("Verbale del 3. seduta plenaria") is not an extension.
 */
function splitName(name: string): { stem: string; extension: string } {
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 ? name.slice(dot + 1) : '';
	if (extension === '' || /\s/.test(extension) || codePoints(extension) > MAX_EXTENSION_CHARS) {
		return { stem: name, extension: '' };
	}
	return { stem: name.slice(0, dot), extension };
}

/** Every rule except the length caps; idempotent, and never lengthens a name except by the device-name "_". */
function tidy(raw: string): string {
	const visible = raw
		.toWellFormed()
		.replace(WHITESPACE_CONTROLS, ' ')
		.replace(INVISIBLE, (char, offset: number, text: string) => (keepsJoiner(char, offset, text) ? char : ''))
		.normalize('NFC');
	// "../../etc/passwd" → "passwd", "C:\\Users\\a\\b.txt" → "b.txt"; a
	// trailing separator or "." names the folder before it.
	const segment = visible.split(/[/\\]/).findLast((part) => /[^\s.]/.test(part)) ?? '';
	const name = segment
		.replace(WINDOWS_FORBIDDEN, '_')
		.replace(/\s+/g, ' ')
		.trim()
		// Windows drops trailing dots and spaces, so "a.pdf." and "a.pdf" would be one file; "..." is no name at all.
		.replace(/[. ]+$/, '');
	return DEVICE_NAME.test(name) ? `_${name}` : name;
}

function fits(name: string): boolean {
	return codePoints(name) <= MAX_NAME_CHARS && utf8Bytes(name) <= MAX_NAME_BYTES;
}

function shorten(name: string): string {
	const { stem, extension } = splitName(name);
	const tail = extension ? `.${extension}` : '';
	return fitStem(stem, tail) + tail;
}

/**
 * The longest start of stem that, followed by tail, fits the caps, cut
 * between user-perceived characters so no accent, emoji or surrogate pair
 * is split. A single character too long to fit at all (hundreds of
 * stacked accents) is cut between code points instead.
 */
function fitStem(stem: string, tail: string): string {
	const kept = longestStart(userCharacters(stem), tail) || longestStart(stem, tail);
	// The cut may leave a dangling joiner, space or dot that tidy would remove.
	return kept.replace(/[\s.\u200C\u200D]+$/u, '') || 'file';
}

/** As many pieces as fit the caps with tail after them, from the first. */
function longestStart(pieces: Iterable<string>, tail: string): string {
	let kept = '';
	for (const piece of pieces) {
		if (!fits(kept + piece + tail)) break;
		kept += piece;
	}
	return kept;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

function* userCharacters(text: string) {
	for (const { segment } of graphemes.segment(text)) yield segment;
}

const codePoints = (text: string): number => [...text].length;

function utf8Bytes(text: string): number {
	let bytes = 0;
	for (const char of text) {
		const code = char.codePointAt(0)!;
		bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
	}
	return bytes;
}
