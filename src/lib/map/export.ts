// A map's entries written as files people open elsewhere: CSV for a
// spreadsheet (as Italian Excel reads it) and GeoJSON for a GIS. Both keep to
// the columns of columns.ts, so that an exported file imports back unchanged.
import { COLUMNS, LIST_SEPARATOR, SYSTEM_WORDS, categoryWord, targetWord, type Column } from './columns.ts';
import type { MapEntry } from './entry.ts';

/** The partners' names by id, to write a partner as people know it. */
export type PartnerNames = ReadonlyMap<string, string>;

/** Italian Excel splits columns on `;` (its list separator) and reads a BOM as UTF-8. */
const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

// A spreadsheet runs a cell that starts with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet shows as text: a leading formula character is escaped with an apostrophe. */
export function textCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** What textCell escaped, as it was: an import of an export gets back the same words. */
export function fromTextCell(cell: string): string {
	return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** A number as Italian Excel reads it: a decimal comma, no grouping, no exponent (seven decimals place to the centimetre). */
export function numberCell(value: number | null): string {
	if (value === null) return '';
	if (Number.isInteger(value)) return String(value);
	return value.toFixed(7).replace(/0+$/, '').replace('.', ',');
}

/** Quoted when it holds the separator, a quote, a line break or edge spaces (RFC 4180, with `;`). */
function quoted(cell: string): string {
	return /[;"\r\n]|^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function csvCells(entry: MapEntry, partners: PartnerNames): Record<Column['key'], string> {
	return {
		id: entry.id,
		name: textCell(entry.name),
		category: categoryWord(entry.category),
		system: SYSTEM_WORDS[entry.system],
		targets: entry.targets.map(targetWord).join(LIST_SEPARATOR),
		partner: textCell(entry.partnerId ? (partners.get(entry.partnerId) ?? '') : ''),
		address: textCell(entry.address),
		lat: numberCell(entry.position?.lat ?? null),
		lng: numberCell(entry.position?.lng ?? null),
		places: numberCell(entry.places),
		hours: textCell(entry.hours),
		contacts: textCell(entry.contacts),
		notes: textCell(entry.notes),
		tags: textCell(entry.tags.join(LIST_SEPARATOR))
	};
}

/** Lines of cells as a CSV file Italian Excel opens: a BOM, `;` between cells, CRLF line ends (the plan's export writes so too). */
export const csvFile = (lines: string[][]): string => BOM + lines.map((cells) => cells.map(quoted).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';

/** The entries as a CSV file: a BOM, the Italian header, one row per entry, CRLF line ends. */
export function entriesToCsv(entries: MapEntry[], partners: PartnerNames): string {
	const lines = [COLUMNS.map((column) => column.it)];
	for (const entry of entries) {
		const cells = csvCells(entry, partners);
		lines.push(COLUMNS.map((column) => cells[column.key]));
	}
	return csvFile(lines);
}

export interface EntryFeature {
	type: 'Feature';
	id: string;
	geometry: { type: 'Point'; coordinates: [number, number] } | null;
	properties: Record<string, string | number | string[] | null>;
}

/**
 * The entries as a GeoJSON FeatureCollection (RFC 7946): a Point at
 * [longitude, latitude] for each placed entry, no geometry for the others.
 * Properties carry the Italian column names and the codes, which a program
 * reads more surely than words; the partner is there by name and by id.
 */
export function entriesToGeoJson(entries: MapEntry[], partners: PartnerNames): { type: 'FeatureCollection'; features: EntryFeature[] } {
	const name = (key: Column['key']) => COLUMNS.find((column) => column.key === key)!.it;
	return {
		type: 'FeatureCollection',
		features: entries.map((entry) => ({
			type: 'Feature',
			id: entry.id,
			geometry: entry.position ? { type: 'Point', coordinates: [entry.position.lng, entry.position.lat] } : null,
			properties: {
				[name('id')]: entry.id,
				[name('name')]: entry.name,
				[name('category')]: entry.category,
				[name('system')]: entry.system,
				[name('targets')]: entry.targets,
				[name('partner')]: entry.partnerId ? (partners.get(entry.partnerId) ?? null) : null,
				partner_id: entry.partnerId,
				[name('address')]: entry.address,
				[name('places')]: entry.places,
				[name('hours')]: entry.hours,
				[name('contacts')]: entry.contacts,
				[name('notes')]: entry.notes,
				[name('tags')]: entry.tags
			}
		}))
	};
}
