// Verifying a CMS SignedData (RFC 5652) the way an adhesion needs it: who signed
// (read from the signer's own certificate) and whether the signature holds over
// the content. Deliberately NO certificate-chain or trust-list check: Trama runs
// offline and cannot reach the EU trust lists, so the page says so instead.
// pkijs parses the structures and its CryptoEngine (WebCrypto) does the crypto;
// the steps are spelled out here rather than left to SignedData.verify() so each
// failure gets its own stable problem code.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { children, sameBytes } from './bytes.ts';
import { isSigningCertificate } from './ess.ts';
import { signerNameOf } from './names.ts';

/** Why a signed document did not check out; each has a message in i18n (pactSignature.problem.*). */
export type SignatureProblem =
	| 'empty'
	| 'too_large'
	| 'not_signed'
	| 'malformed'
	| 'no_content'
	| 'no_certificate'
	| 'certificate_mismatch'
	| 'unsupported_algorithm'
	| 'digest_mismatch'
	| 'bad_signature'
	| 'updated_after_signing';

export interface SignerReading {
	name: string | null;
	signedAt: Date | null;
}

export interface CmsCheck {
	/** The content the signatures cover: the encapsulated one, or the detached one given. */
	content: Uint8Array<ArrayBuffer> | null;
	signers: SignerReading[];
	/** Null when every signer's signature verifies over the content. */
	problem: SignatureProblem | null;
}

/** Resource limits for parsing untrusted BER: a p7m of a large PDF may hold its content in many chunks. */
export const BER_LIMITS = { maxDepth: 64, maxNodes: 200_000, maxContentLength: 64 * 1024 * 1024 };

const MAX_SIGNERS = 16;
const SIGNING_TIME = '1.2.840.113549.1.9.5';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
/** SHA-1 is refused: collisions are practical, and qualified signatures left it in 2011. */
const DIGESTS = new Set(['SHA-256', 'SHA-384', 'SHA-512']);
const SIGNATURE_ALGORITHMS = new Set([
	RSA_ENCRYPTION,
	'1.2.840.113549.1.1.10', // RSASSA-PSS
	'1.2.840.113549.1.1.11', // sha256WithRSAEncryption
	'1.2.840.113549.1.1.12',
	'1.2.840.113549.1.1.13',
	EC_PUBLIC_KEY, // some signers name the key's algorithm, meaning "ECDSA with the digest algorithm"
	'1.2.840.10045.4.3.2', // ecdsa-with-SHA256
	'1.2.840.10045.4.3.3',
	'1.2.840.10045.4.3.4'
]);
const CURVES = new Set(['1.2.840.10045.3.1.7', '1.3.132.0.34', '1.3.132.0.35']); // P-256, P-384, P-521

/** A CMS SignedData, with its certificates as they were encoded (the signing-certificate attribute hashes those bytes). */
export interface ParsedSignedData {
	signed: pkijs.SignedData;
	certificates: EncodedCertificate[];
}

interface EncodedCertificate {
	certificate: pkijs.Certificate;
	der: Uint8Array;
}

/**
 * The SignedData inside a ContentInfo; null when the bytes are well-formed ASN.1 but
 * something else (a certificate, an encrypted CMS). Throws when they are not even
 * that, or when a SignedData is broken: truncated, corrupted, garbage.
 */
export function parseSignedData(der: Uint8Array): ParsedSignedData | null {
	const asn = asn1js.fromBER(der, BER_LIMITS);
	if (asn.offset === -1) throw new Error(`Not BER: ${asn.result.error}`);
	const info = contentInfo(asn.result);
	if (info?.contentType !== pkijs.ContentInfo.SIGNED_DATA) return null;
	return { signed: new pkijs.SignedData({ schema: info.content }), certificates: encodedCertificates(info.content) };
}

function contentInfo(node: asn1js.AsnType): pkijs.ContentInfo | null {
	try {
		return new pkijs.ContentInfo({ schema: node });
	} catch {
		return null;
	}
}

/** SignedData's `certificates [0] IMPLICIT CertificateSet`, each X.509 certificate with its own bytes. */
function encodedCertificates(signedData: unknown): EncodedCertificate[] {
	const set = children(signedData).find(
		(node) => node instanceof asn1js.Constructed && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === 0
	);
	return children(set).flatMap((node) => {
		if (!(node instanceof asn1js.Sequence)) return []; // an attribute certificate or another choice
		return [{ certificate: new pkijs.Certificate({ schema: node }), der: node.valueBeforeDecodeView }];
	});
}

/** The encapsulated content: an OCTET STRING, possibly BER-chunked (asn1js joins the chunks). */
function encapsulatedContent(signed: pkijs.SignedData): Uint8Array<ArrayBuffer> | null {
	const eContent = signed.encapContentInfo.eContent;
	if (!(eContent instanceof asn1js.OctetString)) return null;
	return new Uint8Array(eContent.getValue());
}

/** Checks every signer of `signed`; `detached` is the content when the CMS does not carry it (PAdES). */
export async function checkSignedData(
	{ signed, certificates }: ParsedSignedData,
	detached?: Uint8Array<ArrayBuffer>
): Promise<CmsCheck> {
	const content = detached ?? encapsulatedContent(signed);
	if (!content) return { content: null, signers: [], problem: 'no_content' };
	if (signed.signerInfos.length === 0) return { content, signers: [], problem: 'not_signed' };
	// Each signer hashes the whole content: a handful is an adhesion, thousands an attack.
	if (signed.signerInfos.length > MAX_SIGNERS) return { content, signers: [], problem: 'malformed' };
	const signers: SignerReading[] = [];
	let problem: SignatureProblem | null = null;
	// The content hashed once per algorithm, not once per signer.
	const digests = new Map<string, Promise<ArrayBuffer>>();
	const digestOf = (algorithm: string) => {
		let digest = digests.get(algorithm);
		if (!digest) digests.set(algorithm, (digest = crypto.subtle.digest(algorithm, content)));
		return digest;
	};
	for (const info of signed.signerInfos) {
		const named = await certificateOf(certificates, info);
		const bound = named !== null && (await isSigningCertificate(info, named.der));
		// A certificate the signature does not name says nothing about who signed.
		signers.push({ name: bound ? signerNameOf(named.certificate) : null, signedAt: signingTimeOf(info) });
		const verdict = !named ? 'no_certificate' : !bound ? 'certificate_mismatch' : await verifySigner(info, named.certificate, content, digestOf);
		problem ??= verdict;
	}
	return { content, signers, problem };
}

/** The certificate the SignerInfo's sid names: by issuer and serial number, or by subject key identifier. */
async function certificateOf(certificates: EncodedCertificate[], info: pkijs.SignerInfo): Promise<EncodedCertificate | null> {
	const sid = info.sid;
	if (sid instanceof pkijs.IssuerAndSerialNumber) {
		return (
			certificates.find(({ certificate: c }) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null
		);
	}
	// [0] SubjectKeyIdentifier: by RFC 5280's method 1, the SHA-1 of the public key bits.
	const keyId: Uint8Array = sid.idBlock.isConstructed ? sid.valueBlock.value[0].valueBlock.valueHexView : sid.valueBlock.valueHexView;
	for (const encoded of certificates) {
		const key = encoded.certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView.slice();
		if (sameBytes(new Uint8Array(await crypto.subtle.digest('SHA-1', key)), keyId)) return encoded;
	}
	return null;
}

/** The signing time the signer claims in its signed attributes (not a timestamp authority's). */
function signingTimeOf(info: pkijs.SignerInfo): Date | null {
	const attribute = info.signedAttrs?.attributes.find((a) => a.type === SIGNING_TIME);
	const value: unknown = attribute?.values[0];
	if (!(value instanceof asn1js.UTCTime) && !(value instanceof asn1js.GeneralizedTime)) return null;
	const date = value.toDate();
	return Number.isNaN(date.getTime()) ? null : date;
}

async function verifySigner(
	info: pkijs.SignerInfo,
	certificate: pkijs.Certificate,
	content: Uint8Array<ArrayBuffer>,
	digestOf: (algorithm: string) => Promise<ArrayBuffer>
): Promise<SignatureProblem | null> {
	const engine = pkijs.getCrypto(true);
	const digest = (engine.getAlgorithmByOID(info.digestAlgorithm.algorithmId) as { name?: string }).name;
	const signatureAlgorithm = info.signatureAlgorithm.algorithmId;
	if (!digest || !DIGESTS.has(digest) || !SIGNATURE_ALGORITHMS.has(signatureAlgorithm) || !supportedKey(certificate)) {
		return 'unsupported_algorithm';
	}
	let signedBytes: BufferSource = content;
	if (info.signedAttrs) {
		// With signed attributes the signature covers them, and they carry the content's digest.
		const claimed = info.signedAttrs.attributes.find((a) => a.type === MESSAGE_DIGEST)?.values[0];
		if (!(claimed instanceof asn1js.OctetString)) return 'malformed';
		const actual = new Uint8Array(await digestOf(digest));
		if (!sameBytes(actual, claimed.valueBlock.valueHexView)) return 'digest_mismatch';
		signedBytes = info.signedAttrs.encodedValue;
	}
	// With a bare key algorithm the hash comes from the digest algorithm, as pkijs's own verify does for RSA.
	const bareKeyAlgorithm = signatureAlgorithm === RSA_ENCRYPTION || signatureAlgorithm === EC_PUBLIC_KEY;
	try {
		const ok = await engine.verifyWithPublicKey(
			signedBytes,
			info.signature,
			certificate.subjectPublicKeyInfo,
			info.signatureAlgorithm,
			bareKeyAlgorithm ? digest : undefined
		);
		return ok ? null : 'bad_signature';
	} catch {
		return 'bad_signature'; // a signature value that does not even decode, or a key that does not fit the algorithm
	}
}

function supportedKey(certificate: pkijs.Certificate): boolean {
	const algorithm = certificate.subjectPublicKeyInfo.algorithm;
	if (algorithm.algorithmId === RSA_ENCRYPTION || algorithm.algorithmId === '1.2.840.113549.1.1.10') return true;
	if (algorithm.algorithmId !== EC_PUBLIC_KEY) return false;
	const curve: unknown = algorithm.algorithmParams;
	return curve instanceof asn1js.ObjectIdentifier && CURVES.has(curve.valueBlock.toString());
}
