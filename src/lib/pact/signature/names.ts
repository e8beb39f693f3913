// The signer's name as a person reads it, from the subject of their certificate.
// Italian qualified certificates (ETSI EN 319 412-2) carry givenName and surname
// beside a CN that may hold the fiscal code ("RSSMRA80A01H501U/7420041000234.abc"),
// so those two come first; O names the organisation when the certificate was
// issued for one ("NON PRESENTE" when it was not). The serialNumber attribute
// (TINIT-<codice fiscale>) is left out on purpose: every member of the network reads
// the register, and a fiscal code is personal data the register does not need.
import type * as pkijs from 'pkijs';

const COMMON_NAME = '2.5.4.3';
const SURNAME = '2.5.4.4';
const GIVEN_NAME = '2.5.4.42';
const ORGANISATION = '2.5.4.10';
/** A certificate can say anything: keep what is shown short and free of control characters. */
const MAX_NAME = 200;

/** "Mario Rossi (Comune di Sora)", "Mario Rossi", or null when the subject names nobody. */
export function signerNameOf(certificate: pkijs.Certificate): string | null {
	const subject = certificate.subject.typesAndValues;
	const field = (type: string) => clean(subject.find((t) => t.type === type)?.value.valueBlock.value);
	const given = field(GIVEN_NAME);
	const surname = field(SURNAME);
	const person = given && surname ? `${given} ${surname}` : field(COMMON_NAME);
	const organisation = field(ORGANISATION);
	const named = organisation && !/^non presente$/i.test(organisation) ? `${person ?? ''} (${organisation})`.trim() : person;
	return named ? named.slice(0, MAX_NAME) : null;
}

function clean(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const text = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
	return text || null;
}
