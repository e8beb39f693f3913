// Signed adhesion documents made at test time with pkijs and WebCrypto, so no
// binary fixture is committed: a self-signed certificate with an Italian
// qualified-certificate subject, a minimal PDF carrying Trama's fingerprint marker,
// a CAdES attached .p7m, and a PAdES-style signed PDF with a real ByteRange.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type KeyKind = 'RSA' | 'ECDSA';

export interface Signer {
	certificate: pkijs.Certificate;
	keys: CryptoKeyPair;
}

export interface Subject {
	givenName: string;
	surname: string;
	organisation: string;
	/** The fiscal code as Italian qualified certificates carry it. */
	serialNumber: string;
}

export const ANNA: Subject = {
	givenName: 'Anna',
	surname: 'Bianchi',
	organisation: 'Comune di Sora',
	serialNumber: 'TINIT-BNCNNA80A41I838X'
};

const KEY_ALGORITHMS: Record<KeyKind, RsaHashedKeyGenParams | EcKeyGenParams> = {
	RSA: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
	ECDSA: { name: 'ECDSA', namedCurve: 'P-256' }
};

/** A key pair and a self-signed certificate whose subject names `subject` the Italian way. */
export async function makeSigner(kind: KeyKind, subject: Subject = ANNA): Promise<Signer> {
	const keys = (await crypto.subtle.generateKey(KEY_ALGORITHMS[kind], true, ['sign', 'verify'])) as CryptoKeyPair;
	return { keys, certificate: await certify(keys, subject) };
}

/** A certificate for `keys`, issued (signed) by the same keys under the name `issuer`. */
export async function certify(keys: CryptoKeyPair, subject: Subject, issuer: Subject = subject): Promise<pkijs.Certificate> {
	const certificate = new pkijs.Certificate();
	certificate.version = 2;
	certificate.serialNumber = new asn1js.Integer({ value: 4207 });
	certificate.subject.typesAndValues.push(...distinguishedName(subject));
	certificate.issuer.typesAndValues.push(...distinguishedName(issuer));
	certificate.notBefore.value = new Date('2026-01-01T00:00:00Z');
	certificate.notAfter.value = new Date('2029-01-01T00:00:00Z');
	// keyUsage: nonRepudiation only, as on a qualified signature certificate.
	const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0x40]), unusedBits: 6 });
	certificate.extensions = [new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsage.toBER(false) })];
	await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
	await certificate.sign(keys.privateKey, 'SHA-256');
	return certificate;
}

function distinguishedName(subject: Subject): pkijs.AttributeTypeAndValue[] {
	return [
		['2.5.4.6', new asn1js.PrintableString({ value: 'IT' })],
		['2.5.4.10', new asn1js.Utf8String({ value: subject.organisation })],
		['2.5.4.3', new asn1js.Utf8String({ value: `${subject.surname} ${subject.givenName}`.toUpperCase() })],
		['2.5.4.4', new asn1js.Utf8String({ value: subject.surname })],
		['2.5.4.42', new asn1js.Utf8String({ value: subject.givenName })],
		['2.5.4.5', new asn1js.PrintableString({ value: subject.serialNumber })]
	].map(([type, value]) => new pkijs.AttributeTypeAndValue({ type: type as string, value: value as asn1js.Utf8String }));
}

export interface CmsOptions {
	/** Leave the content out (a PDF signature's CMS is detached). */
	detached?: boolean;
	/** Null leaves the signing-time attribute out, as PAdES baseline signatures do. */
	signingTime?: Date | null;
	hash?: 'SHA-1' | 'SHA-256';
	/** The certificates put in the CMS; the signer's own by default. */
	certificates?: pkijs.Certificate[];
	/** The certificate the CAdES signing-certificate-v2 attribute names; the signer's by default, null for none. */
	signingCertificate?: pkijs.Certificate | null;
	/** Its hash; anything but the default SHA-256 is written out in the attribute. */
	signingCertificateHash?: 'SHA-256' | 'SHA-512';
}

/** A CMS SignedData (DER) over `content`, with the usual signed attributes. */
export async function signCms(signer: Signer, content: Uint8Array<ArrayBuffer>, options: CmsOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
	const { detached = false, signingTime = new Date('2026-12-07T10:30:00Z'), hash = 'SHA-256' } = options;
	const attributes = [
		new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: pkijs.ContentInfo.DATA })] }),
		new pkijs.Attribute({
			type: '1.2.840.113549.1.9.4',
			values: [new asn1js.OctetString({ valueHex: await crypto.subtle.digest(hash, content) })]
		})
	];
	const essCertificate = options.signingCertificate === undefined ? signer.certificate : options.signingCertificate;
	if (essCertificate) attributes.push(await signingCertificateV2(essCertificate, options.signingCertificateHash ?? 'SHA-256'));
	if (signingTime) attributes.push(new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: signingTime })] }));
	const signed = new pkijs.SignedData({
		version: 1,
		encapContentInfo: new pkijs.EncapsulatedContentInfo({
			eContentType: pkijs.ContentInfo.DATA,
			...(detached ? {} : { eContent: new asn1js.OctetString({ valueHex: content }) })
		}),
		signerInfos: [
			new pkijs.SignerInfo({
				version: 1,
				sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.certificate.issuer, serialNumber: signer.certificate.serialNumber }),
				signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes })
			})
		],
		certificates: options.certificates ?? [signer.certificate]
	});
	await signed.sign(signer.keys.privateKey, 0, hash);
	const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
	return new Uint8Array(info.toSchema().toBER());
}

/** RFC 5035's SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { [hashAlgorithm,] certHash } }. */
async function signingCertificateV2(certificate: pkijs.Certificate, hash: 'SHA-256' | 'SHA-512'): Promise<pkijs.Attribute> {
	const certHash = new asn1js.OctetString({ valueHex: await crypto.subtle.digest(hash, certificate.toSchema().toBER()) });
	const algorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.3' }); // SHA-512
	const essCertId = new asn1js.Sequence({ value: hash === 'SHA-256' ? [certHash] : [algorithm.toSchema(), certHash] });
	const value = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
	return new pkijs.Attribute({ type: '1.2.840.113549.1.9.16.2.47', values: [value] });
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** A one-page PDF whose document information carries `keywords` (Trama's marker, say), with a correct xref. */
export function minimalPdf(keywords: string): Uint8Array<ArrayBuffer> {
	const stream = 'BT /F1 18 Tf 72 720 Td (Patto di comunita) Tj ET';
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		`<< /Title (Patto di comunita) /Producer (Trama) /Keywords (${keywords}) >>`
	];
	let pdf = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
	const offsets = objects.map((body, i) => {
		const at = pdf.length;
		pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
		return at;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return latin1(pdf);
}

const CONTENTS_BYTES = 8192;

/**
 * `pdf` signed the PAdES way: an incremental update adds a signature dictionary
 * whose /Contents holds a detached CMS over the bytes its /ByteRange names.
 */
export async function signPdf(
	signer: Signer,
	pdf: Uint8Array<ArrayBuffer>,
	options: CmsOptions & { documentTimestamp?: boolean } = {}
): Promise<Uint8Array<ArrayBuffer>> {
	const base = new TextDecoder('latin1').decode(pdf);
	const placeholder = `[0 ${' '.repeat(10)} ${' '.repeat(10)} ${' '.repeat(10)}]`;
	// A document timestamp (PAdES-LTA) has this shape too; its CMS here is no real TSA token.
	const kind = options.documentTimestamp ? '/Type /DocTimeStamp /SubFilter /ETSI.RFC3161' : '/Type /Sig /SubFilter /ETSI.CAdES.detached';
	const head =
		`${base}6 0 obj\n<< ${kind} /Filter /Adobe.PPKLite ` +
		`/M (D:20261207113000+01'00') /ByteRange ${placeholder} /Contents `;
	const b = head.length;
	const c = b + 2 * CONTENTS_BYTES + 2;
	// The update's own xref names object 6; its offset is fixed, the Contents having a fixed size.
	const close = ' >>\nendobj\n';
	const tail =
		`${close}xref\n0 1\n0000000000 65535 f \n6 1\n${String(base.length).padStart(10, '0')} 00000 n \n` +
		`trailer\n<< /Size 7 /Root 1 0 R /Info 5 0 R /Prev ${base.lastIndexOf('\nxref\n') + 1} >>\nstartxref\n${c + close.length}\n%%EOF\n`;
	const d = tail.length;
	const range = `[0 ${String(b).padEnd(10)} ${String(c).padEnd(10)} ${String(d).padEnd(10)}]`;
	const signedHead = head.replace(placeholder, range);
	const covered = latin1(signedHead + tail);
	const cms = await signCms(signer, covered, { signingTime: null, ...options, detached: true });
	const hex = Array.from(cms, (byte) => byte.toString(16).padStart(2, '0')).join('').padEnd(2 * CONTENTS_BYTES, '0');
	return latin1(`${signedHead}<${hex}>${tail}`);
}

/** The hex digest Trama would print as a sealed version's fingerprint. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function toBase64(bytes: Uint8Array): string {
	return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
}

/** A copy of `bytes` with the byte at `index` changed. */
export function flipByte(bytes: Uint8Array, index: number): Uint8Array<ArrayBuffer> {
	const copy = new Uint8Array(bytes);
	copy[index] ^= 0x01;
	return copy;
}

/** Where `text` first occurs in `bytes` (as latin1). */
export function indexOfText(bytes: Uint8Array, text: string): number {
	return new TextDecoder('latin1').decode(bytes).indexOf(text);
}
