import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_SIGNED_DOCUMENT_BYTES, checkSignedDocument, fingerprintMarkers } from '../../../src/lib/pact/signature.ts';
import {
	ANNA,
	certify,
	flipByte,
	indexOfText,
	makeSigner,
	minimalPdf,
	sha256Hex,
	signCms,
	signPdf,
	toBase64,
	type Signer
} from './signed-fixtures.ts';

const FINGERPRINT = 'a3f1'.repeat(16);
const OTHER = '0b7c'.repeat(16);
const SIGNED_AT = new Date('2026-12-07T10:30:00Z');
const exportOf = (fingerprint: string) => minimalPdf(`patto di comunita trama-fingerprint:${fingerprint}`);

let rsa: Signer;
let ecdsa: Signer;
beforeAll(async () => {
	[rsa, ecdsa] = await Promise.all([makeSigner('RSA'), makeSigner('ECDSA')]);
});

describe('checkSignedDocument, a CAdES .p7m', () => {
	it('reads the signer from the certificate and the signing time, and finds the signature intact', async () => {
		const report = await checkSignedDocument(await signCms(rsa, exportOf(FINGERPRINT)), FINGERPRINT);
		expect(report).toEqual({
			format: 'p7m',
			signerName: 'Anna Bianchi (Comune di Sora)',
			signedAt: SIGNED_AT,
			intact: true,
			matchesFingerprint: true,
			problem: null
		});
	});

	it('leaves the fiscal code out of the name shown to every member', async () => {
		const report = await checkSignedDocument(await signCms(rsa, exportOf(FINGERPRINT)), FINGERPRINT);
		expect(report.signerName).not.toContain(ANNA.serialNumber);
	});

	it('verifies an ECDSA signature as well as an RSA one', async () => {
		const report = await checkSignedDocument(await signCms(ecdsa, exportOf(FINGERPRINT)), FINGERPRINT);
		expect(report).toMatchObject({ format: 'p7m', signerName: 'Anna Bianchi (Comune di Sora)', intact: true, matchesFingerprint: true });
	});

	it('does not match another sealed version, though the signature is intact', async () => {
		const report = await checkSignedDocument(await signCms(rsa, exportOf(FINGERPRINT)), OTHER);
		expect(report).toMatchObject({ intact: true, matchesFingerprint: false, problem: null });
	});

	it('matches a p7m of the canonical export itself, whose SHA-256 is the fingerprint', async () => {
		const canonical = new TextEncoder().encode('{"title":"Patto di comunità","commitments":[]}');
		const p7m = await signCms(ecdsa, canonical);
		expect(await checkSignedDocument(p7m, await sha256Hex(canonical))).toMatchObject({ intact: true, matchesFingerprint: true });
		expect(await checkSignedDocument(p7m, FINGERPRINT)).toMatchObject({ intact: true, matchesFingerprint: false });
	});

	it('finds the content changed when one byte of it is', async () => {
		const p7m = await signCms(rsa, exportOf(FINGERPRINT));
		const report = await checkSignedDocument(flipByte(p7m, indexOfText(p7m, 'Patto di comunita')), FINGERPRINT);
		expect(report).toMatchObject({ format: 'p7m', intact: false, matchesFingerprint: false, problem: 'digest_mismatch' });
		expect(report.signerName).toBe('Anna Bianchi (Comune di Sora)');
	});

	it('finds the signature bad when the certificate in the file is not the key that signed', async () => {
		const impostor = await makeSigner('RSA'); // same subject and serial number, another key
		const p7m = await signCms(rsa, exportOf(FINGERPRINT), {
			certificates: [impostor.certificate],
			signingCertificate: impostor.certificate
		});
		expect(await checkSignedDocument(p7m, FINGERPRINT)).toMatchObject({ intact: false, matchesFingerprint: false, problem: 'bad_signature' });
	});

	it('refuses a certificate whose name was edited, which the signing-certificate attribute does not name', async () => {
		const marco = { ...ANNA, givenName: 'Marco', surname: 'Rossi' };
		const forged = await certify(rsa.keys, marco, ANNA); // the same key and serial number, another name
		const p7m = await signCms(rsa, exportOf(FINGERPRINT), { certificates: [forged] });
		expect(await checkSignedDocument(p7m, FINGERPRINT)).toMatchObject({
			signerName: null,
			intact: false,
			matchesFingerprint: false,
			problem: 'certificate_mismatch'
		});
	});

	it('checks a signing-certificate attribute that names its own hash algorithm', async () => {
		const p7m = await signCms(ecdsa, exportOf(FINGERPRINT), { signingCertificateHash: 'SHA-512' });
		expect(await checkSignedDocument(p7m, FINGERPRINT)).toMatchObject({ intact: true, matchesFingerprint: true });
	});

	it('verifies a plain PKCS#7 that names no signing certificate', async () => {
		const p7m = await signCms(rsa, exportOf(FINGERPRINT), { signingCertificate: null });
		expect(await checkSignedDocument(p7m, FINGERPRINT)).toMatchObject({ signerName: 'Anna Bianchi (Comune di Sora)', intact: true });
	});

	it('reads the base64 text some signing tools save, PEM armour or not', async () => {
		const base64 = toBase64(await signCms(rsa, exportOf(FINGERPRINT)));
		const wrapped = base64.replace(/.{64}/g, '$&\r\n');
		for (const text of [base64, wrapped, `-----BEGIN PKCS7-----\n${wrapped}\n-----END PKCS7-----\n`]) {
			const report = await checkSignedDocument(new TextEncoder().encode(text), FINGERPRINT);
			expect(report).toMatchObject({ format: 'p7m', intact: true, matchesFingerprint: true });
		}
	});

	it('unwraps a p7m.p7m down to the document and names both signers', async () => {
		const marco = await makeSigner('ECDSA', { ...ANNA, givenName: 'Marco', surname: 'Rossi', organisation: 'NON PRESENTE' });
		const inner = await signCms(rsa, exportOf(FINGERPRINT));
		const outer = await signCms(marco, inner, { signingTime: new Date('2026-12-08T09:00:00Z') });
		const report = await checkSignedDocument(outer, FINGERPRINT);
		expect(report).toMatchObject({
			format: 'p7m',
			signerName: 'Marco Rossi; Anna Bianchi (Comune di Sora)',
			signedAt: new Date('2026-12-08T09:00:00Z'),
			intact: true,
			matchesFingerprint: true
		});
	});

	it('says a CMS without the signer’s certificate names nobody', async () => {
		const p7m = await signCms(rsa, exportOf(FINGERPRINT), { certificates: [] });
		expect(await checkSignedDocument(p7m, FINGERPRINT)).toMatchObject({
			format: 'p7m',
			signerName: null,
			intact: false,
			matchesFingerprint: false,
			problem: 'no_certificate'
		});
	});

	it('asks for the whole file when given a detached signature without its document', async () => {
		const p7s = await signCms(rsa, exportOf(FINGERPRINT), { detached: true });
		expect(await checkSignedDocument(p7s, FINGERPRINT)).toMatchObject({ format: 'p7m', intact: false, problem: 'no_content' });
	});

	it('refuses a SHA-1 signature as an unsupported algorithm', async () => {
		const p7m = await signCms(rsa, exportOf(FINGERPRINT), { hash: 'SHA-1' });
		expect(await checkSignedDocument(p7m, FINGERPRINT)).toMatchObject({ intact: false, problem: 'unsupported_algorithm' });
	});
});

describe('checkSignedDocument, a signed PDF', () => {
	it('reads the signer, takes the signing time from the signature dictionary, and matches the marker', async () => {
		const pdf = await signPdf(rsa, exportOf(FINGERPRINT));
		expect(await checkSignedDocument(pdf, FINGERPRINT)).toEqual({
			format: 'pdf',
			signerName: 'Anna Bianchi (Comune di Sora)',
			signedAt: new Date('2026-12-07T10:30:00Z'), // D:20261207113000+01'00'
			intact: true,
			matchesFingerprint: true,
			problem: null
		});
	});

	it('verifies an ECDSA-signed PDF and does not match another version', async () => {
		const pdf = await signPdf(ecdsa, exportOf(FINGERPRINT));
		expect(await checkSignedDocument(pdf, FINGERPRINT)).toMatchObject({ format: 'pdf', intact: true, matchesFingerprint: true });
		expect(await checkSignedDocument(pdf, OTHER)).toMatchObject({ format: 'pdf', intact: true, matchesFingerprint: false });
	});

	it('reads the last signature of a PDF signed twice, which covers the first', async () => {
		const marco = await makeSigner('ECDSA', { ...ANNA, givenName: 'Marco', surname: 'Rossi', organisation: 'Il Ponte' });
		const twice = await signPdf(marco, await signPdf(rsa, exportOf(FINGERPRINT)));
		expect(await checkSignedDocument(twice, FINGERPRINT)).toMatchObject({
			format: 'pdf',
			signerName: 'Marco Rossi (Il Ponte)',
			intact: true,
			matchesFingerprint: true,
			problem: null
		});
	});

	it('looks past a document timestamp to the person who signed, and says the file goes on after the signature', async () => {
		const stamped = await signPdf(ecdsa, await signPdf(rsa, exportOf(FINGERPRINT)), { documentTimestamp: true });
		expect(await checkSignedDocument(stamped, FINGERPRINT)).toMatchObject({
			format: 'pdf',
			signerName: 'Anna Bianchi (Comune di Sora)',
			intact: true,
			matchesFingerprint: true,
			problem: 'updated_after_signing'
		});
	});

	it('finds the PDF changed when one signed byte is', async () => {
		const pdf = await signPdf(rsa, exportOf(FINGERPRINT));
		const report = await checkSignedDocument(flipByte(pdf, indexOfText(pdf, 'Patto di comunita')), FINGERPRINT);
		expect(report).toMatchObject({ format: 'pdf', intact: false, matchesFingerprint: false, problem: 'digest_mismatch' });
	});

	it('warns when the PDF goes on after the signed revision', async () => {
		const pdf = await signPdf(rsa, exportOf(FINGERPRINT));
		const updated = new Uint8Array([...pdf, ...new TextEncoder().encode('7 0 obj\n<< /Evil true >>\nendobj\n%%EOF\n')]);
		expect(await checkSignedDocument(updated, FINGERPRINT)).toMatchObject({
			intact: true,
			matchesFingerprint: true,
			problem: 'updated_after_signing'
		});
	});

	it('says an unsigned PDF is not signed', async () => {
		expect(await checkSignedDocument(exportOf(FINGERPRINT), FINGERPRINT)).toEqual({
			format: 'unsigned',
			signerName: null,
			signedAt: null,
			intact: false,
			matchesFingerprint: false,
			problem: 'not_signed'
		});
	});
});

describe('checkSignedDocument on what is not a good signed file', () => {
	it('gives a problem code for empty, garbage and truncated files, without throwing', async () => {
		const p7m = await signCms(rsa, exportOf(FINGERPRINT));
		const pdf = await signPdf(rsa, exportOf(FINGERPRINT));
		const certificatePem = toBase64(new Uint8Array(rsa.certificate.toSchema().toBER()));
		const garbage = new TextEncoder().encode('Gentile facilitatore, allego la delibera. Cordiali saluti');
		const cases: [Uint8Array, string, string][] = [
			[new Uint8Array(), 'unsigned', 'empty'],
			[new Uint8Array(MAX_SIGNED_DOCUMENT_BYTES + 1), 'unsigned', 'too_large'],
			[garbage, 'unsigned', 'not_signed'],
			[new TextEncoder().encode(`-----BEGIN CERTIFICATE-----\n${certificatePem}\n-----END CERTIFICATE-----\n`), 'unsigned', 'not_signed'],
			[crypto.getRandomValues(new Uint8Array(4096)).map((b, i) => (i === 0 ? 0x42 : b)), 'unsigned', 'not_signed'],
			[p7m.subarray(0, p7m.length / 2), 'p7m', 'malformed'],
			[new Uint8Array([0x30, 0x82, 0xff, 0xff, 0x02, 0x01]), 'p7m', 'malformed'],
			[new Uint8Array(200_000).map((_, i) => (i % 2 ? 0x80 : 0x30)), 'p7m', 'malformed'], // nested a hundred thousand deep
			[pdf.subarray(0, pdf.length - 200), 'pdf', 'malformed']
		];
		for (const [bytes, format, problem] of cases) {
			expect(await checkSignedDocument(bytes, FINGERPRINT)).toMatchObject({ format, problem, intact: false, matchesFingerprint: false });
		}
	});

	it('never throws on a corrupted p7m, and never calls a changed content intact', async () => {
		const p7m = await signCms(ecdsa, exportOf(FINGERPRINT));
		const start = indexOfText(p7m, '%PDF');
		for (let i = 0; i < p7m.length; i += 13) {
			const report = await checkSignedDocument(flipByte(p7m, i), FINGERPRINT);
			if (i >= start && i < start + exportOf(FINGERPRINT).length) expect(report.intact).toBe(false);
		}
	}, 30_000);
});

describe('fingerprintMarkers', () => {
	it('reads the marker written as ASCII and as the UTF-16 pdfkit uses for non-ASCII keywords', () => {
		const utf16 = (text: string) => Array.from(`\ufeff${text}`, (c) => String.fromCharCode(c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff)).join('');
		expect(fingerprintMarkers(exportOf(FINGERPRINT))).toEqual(new Set([FINGERPRINT]));
		expect(fingerprintMarkers(minimalPdf(utf16(`Patto di comunità trama-fingerprint:${OTHER}`)))).toEqual(new Set([OTHER]));
	});
});
