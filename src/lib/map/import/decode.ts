// A file's bytes as text. Spreadsheets saved on Italian Windows machines
// write Windows-1252 rather than UTF-8, so bytes that are not valid UTF-8 are
// read as Windows-1252 (every byte means something there) and the person is
// told, in case the accents came out wrong.

export type Encoding = 'utf-8' | 'windows-1252';

export type Decoded = { text: string; encoding: Encoding } | { text: null; reason: 'empty' | 'binary' };

/** How many leading bytes are looked at to tell text from a binary file (a spreadsheet, a PDF, an image). */
const SNIFF = 8192;

function looksBinary(bytes: Uint8Array): boolean {
	const head = bytes.subarray(0, SNIFF);
	// ZIP (xlsx, ods) and PDF files, and anything with NUL bytes or many control characters, are not text.
	if (head[0] === 0x50 && head[1] === 0x4b) return true;
	let control = 0;
	for (const byte of head) {
		if (byte === 0) return true;
		if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
	}
	return control > head.length / 100;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
	if (bytes.length === 0) return { text: null, reason: 'empty' };
	if (looksBinary(bytes)) return { text: null, reason: 'binary' };
	try {
		// The decoder drops a leading byte order mark.
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
	}
}
