import type { pactSignature as italian } from '../it/pactSignature.ts';

export const pactSignature: Record<keyof typeof italian, string> = {
	'pactSignature.offlineNote':
		'The signer is read from the certificate inside the file. Trama checks that the signature matches the content, but cannot check offline that the certificate is a qualified one on the European trust lists: for that, use an official verification service.',
	'pactSignature.signedBy': 'Signed by {name}',
	'pactSignature.signedAt': 'Signed on {date}',
	'pactSignature.format.p7m': 'CAdES signed file (.p7m)',
	'pactSignature.format.pdf': 'Signed PDF (PAdES)',
	'pactSignature.format.unsigned': 'Document without a digital signature',
	'pactSignature.intact': 'The signature is intact: the content has not changed since it was signed.',
	'pactSignature.notIntact': 'The signature is not verified.',
	'pactSignature.matches': 'The signed document is this sealed version of the pact (matching fingerprint).',
	'pactSignature.notMatches': 'The signed document does not appear to be this sealed version of the pact.',
	'pactSignature.problem.empty': 'The file is empty.',
	'pactSignature.problem.too_large': 'The file is too large to be checked.',
	'pactSignature.problem.not_signed': 'The file carries no digital signature.',
	'pactSignature.problem.malformed': 'The signed file is damaged or incomplete and cannot be read.',
	'pactSignature.problem.no_content': 'The file holds only the signature, not the signed document (a “detached” signature): upload the complete .p7m file.',
	'pactSignature.problem.no_certificate': 'The file does not contain the signer’s certificate, so who signed cannot be known.',
	'pactSignature.problem.certificate_mismatch': 'The certificate in the file is not the one the signature names: the signer’s name may have been altered.',
	'pactSignature.problem.unsupported_algorithm': 'The signature uses an algorithm Trama does not verify (SHA-1, say, which is no longer safe).',
	'pactSignature.problem.digest_mismatch': 'The content was changed after signing: it no longer matches what was signed.',
	'pactSignature.problem.bad_signature': 'The signature is not valid for this content and this certificate.',
	'pactSignature.problem.updated_after_signing':
		'The signed part is intact, but something was added to the PDF after signing: timestamps or validation data, perhaps, but possibly changes, so what it shows when opened may differ from what was signed.'
};
