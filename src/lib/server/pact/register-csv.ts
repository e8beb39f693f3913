// A sealed version's adhesion register as a CSV file for a spreadsheet: one
// record per partner, in the register's order, in the person's language.
import { toCsv } from '../activity/csv.ts';
import { translate, type Locale, type MessageKey } from '../../i18n/translate.ts';
import type { RegisterLine } from '../../pact/sealed.ts';

const COLUMNS = [
	'partner',
	'inNetwork',
	'standing',
	'signer',
	'signerTitle',
	'adheredOn',
	'actKind',
	'actNumber',
	'actDate',
	'reservations',
	'withdrawnAt',
	'reason',
	'certificateSigner',
	'matches'
] as const;

export function registerToCsv(locale: Locale, lines: RegisterLine[]): string {
	const say = (key: string) => translate(locale, key as MessageKey);
	const yesNo = (value: boolean) => say(`pactSeals.csv.${value ? 'yes' : 'no'}`);
	const records = lines.map((line) => [
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
		line.withdrawnAt ? line.withdrawnAt.toISOString().slice(0, 10) : '',
		line.withdrawalReason ?? '',
		line.signature?.signerName ?? '',
		line.signature ? yesNo(line.signature.matches) : ''
	]);
	return toCsv([COLUMNS.map((column) => say(`pactSeals.csv.${column}`)), ...records]);
}
