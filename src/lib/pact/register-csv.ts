// A sealed version's adhesion register as a CSV file a public body files
// with its acts, written as the activity record's is (activity/csv.ts: RFC
// 4180, a BOM, CRLF, formula cells made text): one row a partner, in the
// person's language, with the version and its fingerprint on every row so
// that a row copied elsewhere still says what it refers to. Days are
// yyyy-mm-dd and instants UTC, which a spreadsheet sorts.
import { toCsv } from '../server/activity/csv.ts';
import { translate, type Locale, type MessageKey } from '../i18n/translate.ts';
import type { RegisterLine, SealedPact } from './sealed.ts';

const COLUMNS: MessageKey[] = [
	'pactExport.csv.version',
	'pactExport.csv.fingerprint',
	'pactExport.csv.partner',
	'pactExport.csv.inNetwork',
	'pactExport.csv.standing',
	'pactExport.csv.signer',
	'pactExport.csv.signerTitle',
	'pactExport.csv.adheredOn',
	'pactExport.csv.actKind',
	'pactExport.csv.actNumber',
	'pactExport.csv.actDate',
	'pactExport.csv.reservations',
	'pactExport.csv.withdrawnAt',
	'pactExport.csv.withdrawalReason',
	'pactExport.csv.signatureSigner',
	'pactExport.csv.signatureMatches'
];

export function registerCsv(pact: Pick<SealedPact, 'number' | 'fingerprint'>, register: readonly RegisterLine[], locale: Locale): string {
	const say = (key: MessageKey) => translate(locale, key);
	const yesNo = (value: boolean) => say(value ? 'pactExport.yes' : 'pactExport.no');
	return toCsv([
		COLUMNS.map(say),
		...register.map((line) => [
			String(pact.number),
			pact.fingerprint,
			line.partnerName,
			yesNo(line.stillInNetwork),
			say(`pactSeals.standing.${line.standing}`),
			line.signerName ?? '',
			line.signerTitle ? say(`pactSeals.signer.${line.signerTitle}`) : '',
			line.adheredOn ?? '',
			line.act ? say(`pactSeals.act.${line.act.kind}`) : '',
			line.act?.number ?? '',
			line.act?.date ?? '',
			line.reservations,
			line.withdrawnAt?.toISOString() ?? '',
			line.withdrawalReason ?? '',
			line.signature?.signerName ?? '',
			line.signature ? yesNo(line.signature.matches) : ''
		])
	]);
}
