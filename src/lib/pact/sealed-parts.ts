// What every export of a sealed pact version says besides its text, in the
// reader's language, written once for the PDF and the DOCX alike: the facts
// of the cover, the line at the foot of each page, the signature page and
// the adhesion register. The blocks are ProseMirror JSON, which both writers
// already read, so the two files say the same words.
import { formatDateTime } from '../dates.ts';
import { romeDay } from '../activity/days.ts';
import { translate, type Locale, type MessageKey } from '../i18n/translate.ts';
import { formatDay } from '../documents/commitments-table.ts';
import type { DocNode } from '../documents/json.ts';
import type { RegisterLine, SealedPact } from './sealed.ts';


const text = (value: string, mark?: 'bold' | 'italic'): DocNode =>
	mark ? { type: 'text', text: value, marks: [{ type: mark }] } : { type: 'text', text: value };
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content: content.filter((node) => node.text) });
const heading = (level: number, value: string): DocNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const cell = (type: 'tableHeader' | 'tableCell', lines: string[]): DocNode => ({
	type,
	attrs: { colspan: 1, rowspan: 1 },
	content: lines.filter(Boolean).length ? lines.filter(Boolean).map((line) => paragraph(text(line))) : [paragraph()]
});

export interface SealedFact {
	label: string;
	value: string;
}

export const sealedVersionLabel = (pact: Pick<SealedPact, 'number'>, locale: Locale): string =>
	translate(locale, 'pactExport.sealedVersion', { number: pact.number });

/** What the cover says of the seal, after the network and the version: when, by whom, and the fingerprint in full. */
export function sealedFacts(pact: SealedPact, locale: Locale): SealedFact[] {
	const say = (key: MessageKey) => translate(locale, key);
	return [
		{ label: say('pactExport.sealedOn'), value: formatDateTime(locale, pact.sealedAt) },
		{ label: say('pactExport.sealedBy'), value: pact.sealedByName },
		{ label: say('pactExport.fingerprint'), value: pact.fingerprint }
	];
}

/** The line at the foot of every page: which version, and its fingerprint in full. */
export const footerLine = (pact: SealedPact, locale: Locale): string =>
	translate(locale, 'pactExport.footer', { number: pact.number, fingerprint: pact.fingerprint });

export interface SignatureSection {
	heading: DocNode;
	intro: DocNode;
	/** One block a partner, by name: a writer keeps each on one page. */
	blocks: DocNode[][];
}

/** A line to write on by hand. */
const BLANK = '_'.repeat(40);

/** A page each partner's signatory fills in by hand or signs over: the partner, who signs for it, and the lines to sign on. */
export function signatureSection(pact: SealedPact, locale: Locale): SignatureSection {
	const say = (key: MessageKey) => translate(locale, key);
	const field = (key: MessageKey) => paragraph(text(`${say(key)}: `, 'bold'), text(BLANK));
	const partners = [...pact.partners].sort((a, b) => a.name.localeCompare(b.name, locale));
	return {
		heading: heading(1, say('pactExport.signatures')),
		intro: paragraph(
			text(translate(locale, 'pactExport.signaturesIntro', { title: pact.title, number: pact.number, fingerprint: pact.fingerprint }))
		),
		blocks: partners.length
			? partners.map((partner) => [
					heading(3, partner.name),
					paragraph(text(say('pactExport.signatory'), 'italic')),
					field('pactExport.signName'),
					field('pactExport.signRole'),
					field('pactExport.signDate'),
					// Room above and below the line to sign on, in a DOCX too, whose paragraphs have no spacing of their own.
					paragraph(),
					field('pactExport.signature'),
					paragraph()
				])
			: [[paragraph(text(say('pactExport.noPartnersToSign'), 'italic'))]]
	};
}

/** "Delibera n. 45/2027 del 18/03/2027". */
export function actLine(act: RegisterLine['act'], locale: Locale): string {
	if (!act) return '';
	return translate(locale, 'pactExport.actLine', {
		kind: translate(locale, `pactSeals.act.${act.kind}`),
		number: act.number,
		date: formatDay(locale, act.date)
	});
}

/** What a signed adhesion document says of itself, as far as Trama could read it. */
export function signatureLine(signature: RegisterLine['signature'], locale: Locale): string {
	if (!signature) return '';
	const who = signature.signerName
		? translate(locale, 'pactExport.signedBy', { name: signature.signerName })
		: translate(locale, 'pactExport.signedByUnknown');
	return `${who}: ${translate(locale, signature.matches ? 'pactExport.signatureMatches' : 'pactExport.signatureDiffers')}`;
}

/** One partner's row: where it stands, who adhered for it with which act, its reservations, and any withdrawal or signed file. */
function registerRow(line: RegisterLine, locale: Locale): DocNode {
	const say = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
	const signer = line.signerName && line.signerTitle ? say('pactExport.signerLine', { name: line.signerName, title: say(`pactSeals.signer.${line.signerTitle}`) }) : (line.signerName ?? '');
	const withdrawal =
		line.standing === 'withdrawn' && line.withdrawnAt
			? say('pactExport.withdrawn', { date: formatDay(locale, romeDay(line.withdrawnAt)), reason: line.withdrawalReason ?? '' })
			: '';
	const cells = [
		[line.partnerName, line.stillInNetwork ? '' : say('pactExport.leftNetwork')],
		[say(`pactSeals.standing.${line.standing}`)],
		[signer],
		[line.adheredOn ? formatDay(locale, line.adheredOn) : ''],
		[actLine(line.act, locale)],
		[line.reservations],
		[withdrawal, signatureLine(line.signature, locale)]
	];
	return { type: 'tableRow', content: cells.map((lines) => cell('tableCell', lines)) };
}

const REGISTER_COLUMNS: MessageKey[] = [
	'pactExport.col.partner',
	'pactExport.col.standing',
	'pactExport.col.signer',
	'pactExport.col.adheredOn',
	'pactExport.col.act',
	'pactExport.col.reservations',
	'pactExport.col.notes'
];

/**
 * The register as it stands at `at`: a heading, a row a partner, and a last
 * row saying how many have adhered (in the table, so that nothing comes
 * between the heading and the table, nor after it alone on a page of the DOCX).
 */
export function registerSection(register: RegisterLine[], locale: Locale, at: Date): DocNode[] {
	const adhered = register.filter((line) => line.standing === 'adhered').length;
	const summary = translate(locale, 'pactExport.registerAt', { date: formatDateTime(locale, at), adhered, total: register.length });
	const table: DocNode = {
		type: 'table',
		content: [
			{ type: 'tableRow', content: REGISTER_COLUMNS.map((key) => cell('tableHeader', [translate(locale, key)])) },
			...register.map((line) => registerRow(line, locale)),
			{ type: 'tableRow', content: [{ ...cell('tableCell', [summary]), attrs: { colspan: REGISTER_COLUMNS.length, rowspan: 1 } }] }
		]
	};
	return [
		heading(1, translate(locale, 'pactExport.register')),
		register.length ? table : paragraph(text(translate(locale, 'pactExport.registerEmpty'), 'italic'))
	];
}
