// A community pact's exports (Markdown, DOCX, print, and a sealed version's
// PDF and DOCX) carry its commitments as a table after the narrative text, as
// a map's carry its entries (entries-table.ts): who commits to what, with
// which resources, when, and what of the maps it answers or brings. Written
// as ProseMirror JSON, which every export already reads.
import type { Partner } from '../domain.ts';
import { intlLocale } from '../dates.ts';
import { translate, type Locale, type MessageKey } from '../i18n/translate.ts';
import type { Commitment } from '../pact/commitment.ts';
import type { DocNode } from './json.ts';

export const textNode = (text: string, bold = false): DocNode =>
	bold ? { type: 'text', text, marks: [{ type: 'bold' }] } : { type: 'text', text };
export const paragraph = (text: string, bold = false): DocNode => ({ type: 'paragraph', content: text ? [textNode(text, bold)] : [] });
/** A cell of one paragraph per line: each export shows them one under the other. */
const cell = (type: 'tableHeader' | 'tableCell', lines: DocNode[]): DocNode => ({
	type,
	attrs: { colspan: 1, rowspan: 1 },
	content: lines.length ? lines : [paragraph('')]
});
export const lines = (texts: string[]) => texts.filter(Boolean).map((text) => paragraph(text));

/**
 * One formatter per locale and kind, made once: building an Intl formatter
 * costs far more than using it, and a pact of 500 commitments formats
 * thousands of amounts and days.
 */
function cached<T>(make: (locale: Locale) => T): (locale: Locale) => T {
	const made = new Map<Locale, T>();
	return (locale) => made.get(locale) ?? made.set(locale, make(locale)).get(locale)!;
}
const euros = cached((locale) => new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'EUR', useGrouping: 'always' }));
const counts = cached((locale) => new Intl.NumberFormat(intlLocale(locale), { useGrouping: 'always', maximumFractionDigits: 2 }));
// A calendar day, not an instant: formatted in UTC, where yyyy-mm-dd's midnight is, so it is the same day wherever it is printed.
const days = cached((locale) => new Intl.DateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }));

/** "120.000,00 €" in Italian, "€120,000.00" in English: grouped from the thousands, always two decimals. */
export const formatEuros = (locale: Locale, value: number): string => euros(locale).format(value);

/** A whole number grouped from the thousands ("2.400"), as the pact's totals read. */
export const formatCount = (locale: Locale, value: number): string => counts(locale).format(value);

/** A yyyy-mm-dd day as "01/03/2027": short enough for a table column. */
export const formatDay = (locale: Locale, day: string): string => days(locale).format(new Date(`${day}T00:00:00Z`));

/** "dal 01/03/2027 al 31/12/2027", or the open end left out. */
export function formatPeriod(locale: Locale, from: string | null, to: string | null): string {
	if (from && to) return translate(locale, 'pactExport.fromTo', { from: formatDay(locale, from), to: formatDay(locale, to) });
	if (from) return translate(locale, 'pactExport.from', { date: formatDay(locale, from) });
	if (to) return translate(locale, 'pactExport.to', { date: formatDay(locale, to) });
	return '';
}

/** What a commitment puts in, a line each: people and hours, money, spaces, equipment. */
export function resourceLines(locale: Locale, commitment: Commitment): string[] {
	const say = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
	const counted = (value: number | null, one: MessageKey, many: MessageKey) =>
		value === null ? '' : value === 1 ? say(one) : say(many, { count: formatCount(locale, value) });
	const people = [counted(commitment.people, 'pactExport.peopleOne', 'pactExport.people'), counted(commitment.hours, 'pactExport.hoursOne', 'pactExport.hours')]
		.filter(Boolean)
		.join(', ');
	return [
		people,
		commitment.euros === null ? '' : formatEuros(locale, commitment.euros),
		commitment.spaces && say('pactExport.spaces', { value: commitment.spaces }),
		commitment.equipment && say('pactExport.equipment', { value: commitment.equipment })
	].filter(Boolean);
}

/** A table's columns: a header and the blocks of each item's cell. */
export type TableColumns<T> = [MessageKey, (item: T) => DocNode[]][];

/** A header row and a row per item: the commitments' table, and the plan's (plan-table.ts, plan/report.ts). */
export function itemsTable<T>(locale: Locale, cols: TableColumns<T>, items: readonly T[]): DocNode {
	return {
		type: 'table',
		content: [
			{ type: 'tableRow', content: cols.map(([key]) => cell('tableHeader', [paragraph(translate(locale, key))])) },
			...items.map((item) => ({ type: 'tableRow', content: cols.map(([, value]) => cell('tableCell', value(item))) }))
		]
	};
}

/** The table's columns: a header and the lines of each commitment's cell. */
function columns(locale: Locale, partners: Partner[], entryNames: ReadonlyMap<string, string>): TableColumns<Commitment> {
	const say = (key: MessageKey) => translate(locale, key);
	const partnerName = partnerNamer(locale, partners);
	const names = (ids: string[]) => lines(ids.map((id) => entryNames.get(id) ?? say('pactExport.unknownEntry')));
	return [
		['pactExport.col.partner', (c) => lines([partnerName(c.partnerId)])],
		['pactExport.col.commitment', (c) => [paragraph(c.title, true), ...lines([c.description])]],
		['pactExport.col.system', (c) => lines([say(`system.${c.system}`)])],
		['pactExport.col.resources', (c) => lines(resourceLines(locale, c))],
		['pactExport.col.period', (c) => lines([formatPeriod(locale, c.from, c.to)])],
		['pactExport.col.needs', (c) => names(c.needIds)],
		['pactExport.col.entries', (c) => names(c.entryIds)]
	];
}

/** A partner's name by id, or a word saying it has left the network. */
function partnerNamer(locale: Locale, partners: Partner[]): (id: string) => string {
	const byId = new Map(partners.map((partner) => [partner.id, partner.name]));
	return (id) => byId.get(id) ?? translate(locale, 'pactExport.unknownPartner');
}

/**
 * A heading and a table of `commitments`, by partner name then by what each
 * commits to (the kind's own order sorts partners by id, which no reader
 * knows); nothing when there are none.
 */
export function commitmentsSection(
	commitments: Commitment[],
	partners: Partner[],
	entryNames: ReadonlyMap<string, string>,
	locale: Locale
): DocNode[] {
	if (commitments.length === 0) return [];
	const cols = columns(locale, partners, entryNames);
	const partnerName = partnerNamer(locale, partners);
	// Numbers in words by their value: "Impegno n. 2" before "Impegno n. 10".
	const collator = new Intl.Collator(locale, { numeric: true });
	const sorted = [...commitments].sort(
		(a, b) => collator.compare(partnerName(a.partnerId), partnerName(b.partnerId)) || collator.compare(a.title, b.title) || a.id.localeCompare(b.id)
	);
	const table = itemsTable(locale, cols, sorted);
	const heading: DocNode = { type: 'heading', attrs: { level: 2 }, content: [textNode(translate(locale, 'pactExport.commitments'))] };
	return [heading, table];
}

/** `json` followed by its commitments' heading and table; unchanged when there are none. */
export function withCommitments(
	json: DocNode,
	commitments: Commitment[],
	partners: Partner[],
	entryNames: ReadonlyMap<string, string>,
	locale: Locale
): DocNode {
	const section = commitmentsSection(commitments, partners, entryNames, locale);
	return section.length ? { ...json, content: [...(json.content ?? []), ...section] } : json;
}

/** The map entries a set of commitments names (needs answered, entries brought), each once: what to look up names for. */
export const referencedEntries = (commitments: Commitment[]): string[] => [
	...new Set(commitments.flatMap((commitment) => [...commitment.needIds, ...commitment.entryIds]))
];
