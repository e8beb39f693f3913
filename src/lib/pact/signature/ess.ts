// The certificate is not covered by the signature: without a chain check (offline),
// someone could edit the subject of a certificate, keep its key, and the signature
// would still verify under a new name. CAdES and PAdES close that gap with the ESS
// signing-certificate attribute (RFC 2634, RFC 5035), a signed hash of the signer's
// certificate; when it is there, the certificate must be the one it names.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { children, sameBytes } from './bytes.ts';

const SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12'; // ESSCertID: a SHA-1 hash
const SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47'; // ESSCertIDv2: SHA-256 unless it says otherwise

/** False when the signed attributes name another certificate than `der`; true when they name it, or none. */
export async function isSigningCertificate(info: pkijs.SignerInfo, der: Uint8Array): Promise<boolean> {
	const attributes = info.signedAttrs?.attributes ?? [];
	const v2 = attributes.find((a) => a.type === SIGNING_CERTIFICATE_V2);
	const attribute = v2 ?? attributes.find((a) => a.type === SIGNING_CERTIFICATE);
	// Plain PKCS#7 (adbe.pkcs7.detached) names no certificate: there is nothing to compare.
	if (!attribute) return true;
	// SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), … }: the first is the signer's.
	const fields = children(children(children(attribute.values[0])[0])[0]);
	let hash: string | undefined = v2 ? 'SHA-256' : 'SHA-1';
	if (v2 && fields[0] instanceof asn1js.Sequence) {
		const algorithm = new pkijs.AlgorithmIdentifier({ schema: fields.shift() });
		hash = (pkijs.getCrypto(true).getAlgorithmByOID(algorithm.algorithmId) as { name?: string }).name;
	}
	const claimed = fields[0];
	if (!hash || !(claimed instanceof asn1js.OctetString)) return false;
	const actual = new Uint8Array(await crypto.subtle.digest(hash, der.slice()));
	return sameBytes(actual, claimed.valueBlock.valueHexView);
}
