// Reading a digitally signed adhesion document (issue 17): a CAdES .p7m or a
// signed PDF (PAdES). Trama reads who signed from the signer's certificate and
// says whether the signed content is the sealed version the adhesion is for.
// It checks that the signature holds over the content with the certificate's
// key, and nothing more: whether the certificate is a qualified one on the EU
// trust lists cannot be checked offline, and the page says so
// (pactSignature.offlineNote). Never throws: every file, however broken or
// hostile, gets a report with a stable problem code.
//
// THE MARKER CONTRACT with the sealed version's PDF export (src/lib/pact/export-pdf.ts):
// that export writes `trama-fingerprint:<the 64 lower-case hex digits>` into the PDF's
// document information (the Keywords entry), uncompressed and ASCII-only, so that a
// partner who signs that PDF (as a .p7m, or as a signed PDF) signs a document that
// names the version it is. Read here by `fingerprintMarkers`. A marker is a claim the
// signed document makes, not a proof of its text: anyone can write it into a PDF.
import { checkSignedData, parseSignedData, type CmsCheck, type SignatureProblem } from './signature/cms.ts';
import { ascii, indexOfBytes } from './signature/bytes.ts';
import { findPdfSignature, isPdf } from './signature/pdf.ts';
import { FINGERPRINT_MARKER } from './fingerprint-marker.ts';

export type { SignatureProblem } from './signature/cms.ts';

export interface SignedDocumentReport {
	/** 'unsigned' for anything that is no signed file at all (an unsigned PDF, a letter, an empty file). */
	format: 'p7m' | 'pdf' | 'unsigned';
	/** From the signer's certificate: "Anna Bianchi (Comune di Sora)"; several signers (p7m.p7m) joined by "; ". */
	signerName: string | null;
	/** The signing time the signer claims (the latest, with several signers); no timestamp authority's. */
	signedAt: Date | null;
	/** The signature verifies over the content with the certificate's key; no chain or trust-list check. */
	intact: boolean;
	/** Intact, and the signed content is the sealed version with this fingerprint. */
	matchesFingerprint: boolean;
	/**
	 * A SignatureProblem code, with a message at pactSignature.problem.<code>. Null when all is
	 * well; 'updated_after_signing' comes with intact true (a warning, not a failure).
	 */
	problem: string | null;
}

/** Larger than any upload the file space takes (50 MB by default), and a bound on the work. */
export const MAX_SIGNED_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** A .p7m.p7m is a signed file signed again; more than this is no adhesion document. */
const MAX_NESTING = 4;

export async function checkSignedDocument(bytes: Uint8Array, fingerprint: string): Promise<SignedDocumentReport> {
	try {
		return await check(bytes, fingerprint.trim().toLowerCase());
	} catch {
		// The parsers throw on structures they do not expect; for a reader that is a malformed file.
		return unsigned(isDer(bytes) || !isPdf(bytes) ? 'p7m' : 'pdf', 'malformed');
	}
}

async function check(bytes: Uint8Array, fingerprint: string): Promise<SignedDocumentReport> {
	if (bytes.length === 0) return unsigned('unsigned', 'empty');
	if (bytes.length > MAX_SIGNED_DOCUMENT_BYTES) return unsigned('unsigned', 'too_large');
	// A p7m first: the PDF it may carry puts a %PDF- header within its first bytes too.
	if (isDer(bytes)) return checkP7m(bytes, fingerprint);
	if (isPdf(bytes)) return checkSignedPdf(bytes, fingerprint);
	const der = fromBase64(bytes);
	if (der && isDer(der)) return checkP7m(der, fingerprint);
	return unsigned('unsigned', 'not_signed'); // not even the start of a DER structure: another kind of file
}

/** A BER/DER SEQUENCE, as a CMS ContentInfo is. */
function isDer(bytes: Uint8Array): boolean {
	return bytes[0] === 0x30;
}

async function checkSignedPdf(bytes: Uint8Array, fingerprint: string): Promise<SignedDocumentReport> {
	const found = findPdfSignature(bytes);
	if (found === 'not_signed') return unsigned('unsigned', 'not_signed');
	if (found === 'malformed') return unsigned('pdf', 'malformed');
	const cms = parseSignedData(found.cms);
	if (!cms) return unsigned('pdf', 'malformed');
	// adbe.pkcs7.sha1 signs a SHA-1 digest of the file, carried inside the CMS: not a form Trama verifies.
	if (cms.signed.encapContentInfo.eContent) return unsigned('pdf', 'unsupported_algorithm');
	const checked = await checkSignedData(cms, found.signedContent);
	const report = await reportOf('pdf', [checked], fingerprint);
	report.signedAt ??= found.claimedAt; // PAdES puts the time in the dictionary rather than the CMS
	// The signed revision is intact, but what a viewer shows may differ from it.
	if (report.intact && !found.coversWholeFile) report.problem = 'updated_after_signing';
	return report;
}

/** A .p7m, unwrapping a signed file signed again (p7m.p7m) down to the document itself. */
async function checkP7m(der: Uint8Array, fingerprint: string): Promise<SignedDocumentReport> {
	let signed = parseSignedData(der);
	if (!signed) return unsigned('unsigned', 'not_signed'); // another kind of CMS, an encrypted one say
	const levels: CmsCheck[] = [];
	while (signed && levels.length < MAX_NESTING) {
		const level = await checkSignedData(signed);
		levels.push(level);
		signed = level.content ? innerSignedData(level.content) : null;
	}
	return reportOf('p7m', levels, fingerprint);
}

/** The content of a p7m when it is itself a p7m; null when it is the document (which may be any DER file). */
function innerSignedData(content: Uint8Array) {
	if (content[0] !== 0x30) return null;
	try {
		return parseSignedData(content);
	} catch {
		return null;
	}
}

/** `levels` from the outermost signature in; the last one holds the document. */
async function reportOf(format: 'p7m' | 'pdf', levels: CmsCheck[], fingerprint: string): Promise<SignedDocumentReport> {
	const signers = levels.flatMap((level) => level.signers);
	const names = [...new Set(signers.map((s) => s.name).filter((name) => name !== null))];
	const times = signers.map((s) => s.signedAt?.getTime()).filter((t) => t !== undefined);
	const problem = levels.find((level) => level.problem)?.problem ?? null;
	const document = levels.at(-1)?.content ?? null;
	const intact = problem === null && document !== null;
	return {
		format,
		signerName: names.length > 0 ? names.join('; ') : null,
		signedAt: times.length > 0 ? new Date(Math.max(...times)) : null,
		intact,
		matchesFingerprint: intact && document !== null && (await isSealedVersion(document, fingerprint)),
		problem
	};
}

/** The canonical export itself, or a PDF that names this version with its marker (and no other). */
async function isSealedVersion(document: Uint8Array<ArrayBuffer>, fingerprint: string): Promise<boolean> {
	if (!/^[0-9a-f]{64}$/.test(fingerprint)) return false;
	if ((await sha256Hex(document)) === fingerprint) return true;
	if (!isPdf(document)) return false;
	const markers = fingerprintMarkers(document);
	return markers.size === 1 && markers.has(fingerprint);
}

/**
 * The fingerprints a PDF names with the marker. Written as ASCII by the export; also
 * read as UTF-16BE, which is how pdfkit writes a Keywords string holding any
 * non-ASCII character.
 */
export function fingerprintMarkers(pdf: Uint8Array): Set<string> {
	const found = new Set<string>();
	for (const width of [1, 2]) {
		// In UTF-16BE each ASCII character is a zero byte and then itself.
		const pattern = ascii([...FINGERPRINT_MARKER].map((c) => (width === 2 ? `\0${c}` : c)).join(''));
		for (let at = indexOfBytes(pdf, pattern); at !== -1; at = indexOfBytes(pdf, pattern, at + 1)) {
			const digits = pdf.subarray(at + pattern.length, at + pattern.length + 64 * width).filter((_, i) => i % width === width - 1);
			const hex = String.fromCharCode(...digits);
			if (/^[0-9a-f]{64}$/.test(hex)) found.add(hex);
		}
	}
	return found;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The base64 (or PEM) text some signing tools save a .p7m as; null when it is not that. */
function fromBase64(bytes: Uint8Array): Uint8Array | null {
	// Turn a binary file away on its first bytes, before decoding megabytes of it.
	if (!/^[-A-Za-z0-9+/=\s]+$/.test(String.fromCharCode(...bytes.subarray(0, 64)))) return null;
	// UTF-8 decoding is fast and leaves ASCII, which base64 is, as it is; atob skips the line breaks.
	const text = new TextDecoder().decode(bytes).replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '');
	let binary: string;
	try {
		binary = atob(text);
	} catch {
		return null; // a character base64 does not use
	}
	const der = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) der[i] = binary.charCodeAt(i);
	return der;
}

function unsigned(format: SignedDocumentReport['format'], problem: SignatureProblem): SignedDocumentReport {
	return { format, signerName: null, signedAt: null, intact: false, matchesFingerprint: false, problem };
}
