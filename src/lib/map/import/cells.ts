// One row of a file, CSV or GeoJSON, turned into a map entry: the file's
// words and numbers read into the entry's codes, the entry checked, and each
// problem named by the file's own column, so the person finds it in the file.
import { checkEntry, type Problem } from '../check.ts';
import { COLUMNS, LIST_SEPARATOR, categoryFrom, systemFrom, targetFrom, type Column } from '../columns.ts';
import { fold } from '../filter.ts';
import type { MapEntry } from '../entry.ts';
import type { Partner } from '../../domain.ts';
import { isUuid, newUuid } from '../../uuid.ts';
import { excerpt, type RowProblem } from './problems.ts';
import { fromTextCell } from '../export.ts';
import { readNumber, type NumberKind } from '../numbers.ts';

export type ColumnKey = Column['key'];

/** A row's cells by column, each with the name its file gives the column. */
export type Cells = Partial<Record<ColumnKey, { name: string; value: unknown }>>;

/** The partners an import can name, found by id or by name in any case and with or without accents. */
export interface PartnerIndex {
	find(word: string): string | null;
}

/** A name as compared: folded, with typographic apostrophes and dashes as typed ones, spaces collapsed. */
const nameKey = (name: string): string =>
	fold(name.trim())
		.replace(/[’‘`´]/g, "'")
		.replace(/[–—]/g, '-')
		.replace(/\s+/g, ' ');

export function partnerIndex(partners: Pick<Partner, 'id' | 'name'>[]): PartnerIndex {
	const byName = new Map(partners.map((partner) => [nameKey(partner.name), partner.id]));
	const ids = new Set(partners.map((partner) => partner.id.toLowerCase()));
	return {
		find(word) {
			const trimmed = word.trim();
			if (isUuid(trimmed)) return ids.has(trimmed.toLowerCase()) ? trimmed.toLowerCase() : null;
			return byName.get(nameKey(trimmed)) ?? null;
		}
	};
}

const text = (value: unknown): string =>
	value == null ? '' : Array.isArray(value) ? value.map(text).join(LIST_SEPARATOR) : fromTextCell(String(value).trim());

/**
 * A list cell (target groups, tags): separated by |, or, when a cell has no
 * |, by ; or , if only one of them appears; with both, ; separates and the
 * commas stay inside the items.
 */
function list(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(text).filter(Boolean);
	const cell = text(value);
	const separator = cell.includes(LIST_SEPARATOR) ? LIST_SEPARATOR : cell.includes(';') ? ';' : ',';
	return cell
		.split(separator)
		.map((item) => item.trim())
		.filter(Boolean);
}

/** A number as given, read from text when needed; what is not a number stays as written, for the check to name. */
const number = (value: unknown, kind: NumberKind): unknown => (typeof value === 'number' ? value : readNumber(text(value), kind));

const italianName = (key: ColumnKey): string => COLUMNS.find((column) => column.key === key)!.it;

export function entryFromCells(
	cells: Cells,
	row: number,
	partners: PartnerIndex
): { entry: MapEntry; problems: [] } | { entry: null; problems: RowProblem[] } {
	const value = (key: ColumnKey) => cells[key]?.value;
	const named = (key: ColumnKey) => cells[key]?.name ?? italianName(key);
	const problems: RowProblem[] = [];

	const partnerWord = text(value('partner'));
	const partnerId = partnerWord ? partners.find(partnerWord) : null;
	if (partnerWord && !partnerId) {
		problems.push({ row, field: named('partner'), code: 'mapImport.problem.unknown_partner', value: excerpt(partnerWord) });
	}

	const lat = number(value('lat'), 'decimal');
	const lng = number(value('lng'), 'decimal');
	const checked = checkEntry({
		id: text(value('id')) || newUuid(),
		name: text(value('name')),
		category: text(value('category')) && categoryFrom(text(value('category'))),
		system: text(value('system')) && systemFrom(text(value('system'))),
		targets: list(value('targets')).map(targetFrom),
		partnerId,
		address: text(value('address')),
		position: lat === null && lng === null ? null : { lat, lng },
		places: number(value('places'), 'integer'),
		hours: text(value('hours')),
		contacts: text(value('contacts')),
		notes: text(value('notes')),
		tags: list(value('tags'))
	});

	// Where the check speaks of the entry's fields, the person needs the file's columns.
	const columnOf = (problem: Problem): string => {
		switch (problem.field) {
			case 'partnerId':
				return named('partner');
			case 'position':
				if (problem.code === 'lat_range') return named('lat');
				if (problem.code === 'lng_range') return named('lng');
				if (problem.code === 'position_half') return lat === null ? named('lat') : named('lng');
				return problem.value === String(lat) ? named('lat') : named('lng');
			default:
				return named(problem.field);
		}
	};
	for (const problem of checked.problems) {
		problems.push({
			row,
			field: columnOf(problem),
			code: `map.problem.${problem.code}`,
			...(problem.value !== undefined && { value: excerpt(problem.value) })
		});
	}
	return checked.entry && problems.length === 0 ? { entry: checked.entry, problems: [] } : { entry: null, problems };
}
