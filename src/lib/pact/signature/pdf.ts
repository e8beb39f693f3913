// Finding the signature in a signed PDF (PAdES, or Adobe's adbe.pkcs7.detached).
// A signature dictionary's /ByteRange [a b c d] names the two spans of the file the
// signature covers; the gap between them is exactly its /Contents, a hex string
// holding a detached CMS. When a PDF was signed more than once, each signature is
// an incremental update, so the one written last covers all the earlier ones: that
// is the one read here.
import { ascii, indexOfBytes, lastIndexOfBytes, latin1 } from './bytes.ts';

export interface PdfSignature {
	/** The detached CMS, its zero padding left on (a BER parse stops at its end). */
	cms: Uint8Array;
	/** The signed revision: the bytes the ByteRange covers. */
	signedContent: Uint8Array<ArrayBuffer>;
	/** False when the file goes on after the signed revision (a later, unsigned incremental update). */
	coversWholeFile: boolean;
	/** The /M entry of the signature dictionary, the signer's claimed signing time. */
	claimedAt: Date | null;
}

/** A signature with its certificates, even with revocation data embedded, is far below this. */
const MAX_CONTENTS_HEX = 16 * 1024 * 1024;
/** Document timestamps looked past, at most, to reach the last person's signature. */
const MAX_TIMESTAMPS = 8;
/** How far around the signature's hex string its dictionary is looked for. */
const DICTIONARY_REACH = 64 * 1024;

export function isPdf(bytes: Uint8Array): boolean {
	// The header may follow up to 1024 bytes of junk (PDF 32000-1, annex H).
	return indexOfBytes(bytes.subarray(0, 1024), ascii('%PDF-')) !== -1;
}

/** The last signature of a PDF, 'not_signed' when it has none, 'malformed' when it cannot be read. */
export function findPdfSignature(bytes: Uint8Array): PdfSignature | 'not_signed' | 'malformed' {
	// A PAdES-LTA file ends with document timestamps (a TSA's, not a person's): look past them.
	let end = bytes.length;
	for (let tries = 0; tries < MAX_TIMESTAMPS; tries++) {
		const at = lastIndexOfBytes(bytes.subarray(0, end), ascii('/ByteRange'));
		if (at === -1) return 'not_signed';
		const found = signatureAt(bytes, at);
		if (found !== 'timestamp') return found;
		end = at;
	}
	return 'malformed';
}

/** The signature whose dictionary has its /ByteRange at `at`. */
function signatureAt(bytes: Uint8Array, at: number): PdfSignature | 'timestamp' | 'malformed' {
	const range = /^\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(latin1(bytes.subarray(at, at + 80)));
	if (!range) return 'malformed';
	const [a, b, c, d] = range.slice(1).map(Number);
	if (a !== 0 || c <= b + 1 || c - b > MAX_CONTENTS_HEX || c + d > bytes.length) return 'malformed';
	const dictionary = dictionaryAround(bytes, Math.min(at, b), Math.max(at, c));
	if (dictionary?.includes('/DocTimeStamp')) return 'timestamp';
	const contents = /^<([0-9A-Fa-f\s]*)>$/.exec(latin1(bytes.subarray(b, c)));
	const cms = contents && fromHex(contents[1].replace(/\s+/g, ''));
	if (!cms) return 'malformed';
	const signedContent = new Uint8Array(b + d);
	signedContent.set(bytes.subarray(0, b));
	signedContent.set(bytes.subarray(c, c + d), b);
	const rest = bytes.subarray(c + d);
	return {
		cms,
		signedContent,
		coversWholeFile: rest.length < 1024 && latin1(rest).trim() === '',
		claimedAt: dictionary ? claimedSigningTime(dictionary) : null
	};
}

/**
 * The text of the indirect object "n 0 obj … endobj" that holds the signature,
 * without its hex string [from, to), so the signature's digits cannot be taken for an entry.
 */
function dictionaryAround(bytes: Uint8Array, from: number, to: number): string | null {
	const before = bytes.subarray(Math.max(0, from - DICTIONARY_REACH), from);
	const after = bytes.subarray(to, to + DICTIONARY_REACH);
	const start = lastIndexOfBytes(before, ascii(' obj'));
	const end = indexOfBytes(after, ascii('endobj'));
	if (start === -1 || end === -1) return null;
	return latin1(before.subarray(start)) + latin1(after.subarray(0, end));
}

/** The /M (D:YYYYMMDDHHmmSS+HH'mm') entry: the signer's claimed signing time. */
function claimedSigningTime(dictionary: string): Date | null {
	const m = /\/M\s*\(D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([+-])(\d{2})'?(\d{2})?'?|Z)?/.exec(dictionary);
	if (!m) return null;
	const [year, month = '01', day = '01', hour = '00', minute = '00', second = '00'] = m.slice(1, 7);
	const offset = m[7] ? `${m[7]}${m[8]}:${m[9] ?? '00'}` : 'Z';
	const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
	return Number.isNaN(date.getTime()) ? null : date;
}

function fromHex(hex: string): Uint8Array | null {
	if (hex.length === 0 || hex.length % 2 !== 0) return null;
	const bytes = new Uint8Array(hex.length / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
	return bytes;
}
