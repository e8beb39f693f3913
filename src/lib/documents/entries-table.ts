// A territorial map's exports (Markdown, DOCX, print) end with its entries as
// a table after the narrative text, so the document that leaves Trama holds
// both parts. Written as ProseMirror JSON, which every export already reads.
import type { Partner } from '../domain.ts';
import { translate, type Locale, type MessageKey } from '../i18n/translate.ts';
import type { MapEntry } from '../map/entry.ts';
import type { DocNode } from './json.ts';

const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
const cell = (type: 'tableHeader' | 'tableCell', text: string): DocNode => ({
	type,
	attrs: { colspan: 1, rowspan: 1 },
	content: [paragraph(text)]
});

/** The entries' columns in a document: the details a reader of the pact or the minutes needs, not every field. */
function columns(locale: Locale, partners: Partner[]): [MessageKey, (entry: MapEntry) => string][] {
	const say = (key: MessageKey) => translate(locale, key);
	const partnerName = new Map(partners.map((partner) => [partner.id, partner.name]));
	return [
		['map.field.name', (entry) => entry.name],
		['map.field.category', (entry) => say(`map.category.${entry.category}`)],
		['map.field.system', (entry) => say(`system.${entry.system}`)],
		['map.field.targets', (entry) => entry.targets.map((target) => say(`map.target.${target}`)).join(', ')],
		['map.field.partnerId', (entry) => (entry.partnerId ? (partnerName.get(entry.partnerId) ?? say('map.unknownPartner')) : '')],
		['map.field.address', (entry) => entry.address],
		['map.field.places', (entry) => (entry.places === null ? '' : String(entry.places))],
		['map.field.hours', (entry) => entry.hours],
		['map.field.contacts', (entry) => entry.contacts]
	];
}

/** `json` followed by a heading and a table of `entries` by category and name; unchanged when there are none. */
export function withEntries(json: DocNode, entries: MapEntry[], partners: Partner[], locale: Locale): DocNode {
	if (entries.length === 0) return json;
	const cols = columns(locale, partners);
	const sorted = [...entries].sort(
		(a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name, locale) || a.id.localeCompare(b.id)
	);
	const table: DocNode = {
		type: 'table',
		content: [
			{ type: 'tableRow', content: cols.map(([key]) => cell('tableHeader', translate(locale, key))) },
			...sorted.map((entry) => ({ type: 'tableRow', content: cols.map(([, value]) => cell('tableCell', value(entry))) }))
		]
	};
	const heading: DocNode = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: translate(locale, 'map.entries') }] };
	return { ...json, content: [...(json.content ?? []), heading, table] };
}
