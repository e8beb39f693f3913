// Finding the signature in a signed PDF (PAdES, or Adobe's adbe.pkcs7.detached).
// A signature dictionary's /ByteRange [a b c d] names the two spans of the file the
// signature covers; the gap between them is exactly its /Contents, a hex string
// holding a detached CMS. When a PDF was signed more than once, each signature is
// an incremental update, so the one written last covers all the earlier ones: that
// is the one read here.

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

/** How far around the signature's hex string its dictionary is looked for. */
const DICTIONARY_REACH = 64 * 1024;

/** One character per byte, so string offsets are byte offsets. */
export function latin1(bytes: Uint8Array): string {
	return new TextDecoder('latin1').decode(bytes);
}

export function isPdf(bytes: Uint8Array): boolean {
	// The header may follow up to 1024 bytes of junk (PDF 32000-1, annex H).
	return latin1(bytes.subarray(0, 1024)).includes('%PDF-');
}

/** The last signature of a PDF, 'not_signed' when it has none, 'malformed' when it cannot be read. */
export function findPdfSignature(bytes: Uint8Array): PdfSignature | 'not_signed' | 'malformed' {
	const text = latin1(bytes);
	const at = text.lastIndexOf('/ByteRange');
	if (at === -1) return 'not_signed';
	const range = /^\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(text.slice(at, at + 80));
	if (!range) return 'malformed';
	const [a, b, c, d] = range.slice(1).map(Number);
	if (a !== 0 || c <= b + 1 || c + d > bytes.length) return 'malformed';
	const contents = /^<([0-9A-Fa-f\s]*)>$/.exec(text.slice(b, c));
	if (!contents) return 'malformed';
	const cms = fromHex(contents[1].replace(/\s+/g, ''));
	if (!cms) return 'malformed';
	const signedContent = new Uint8Array(b + d);
	signedContent.set(bytes.subarray(0, b));
	signedContent.set(bytes.subarray(c, c + d), b);
	return {
		cms,
		signedContent,
		coversWholeFile: text.slice(c + d).trim() === '',
		claimedAt: claimedSigningTime(text, Math.min(at, b), Math.max(at, c))
	};
}

/**
 * The /M (D:…) of the indirect object "n 0 obj … endobj" that holds the signature,
 * read outside the hex string [from, to) so its digits cannot be taken for it.
 */
function claimedSigningTime(text: string, from: number, to: number): Date | null {
	const start = text.lastIndexOf(' obj', from);
	const end = text.indexOf('endobj', to);
	if (start === -1 || end === -1 || from - start > DICTIONARY_REACH || end - to > DICTIONARY_REACH) return null;
	const dictionary = text.slice(start, from) + text.slice(to, end);
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
