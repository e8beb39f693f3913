// One cell of the table edited in place: what the person types (a draft,
// always text or a list of codes) and what it means for the entry. The
// check is the entry's own (checkEntry), so a cell accepts exactly what the
// entry form and an import accept.
import { checkEntry, type Problem } from './check.ts';
import type { MapEntry } from './entry.ts';
import { readNumber } from './numbers.ts';

/** The fields the table edits in place; the position is placed on the map or in the entry's form. */
const TABLE_FIELDS = ['name', 'category', 'system', 'targets', 'partnerId', 'address', 'places', 'hours', 'tags'] as const;
export type TableField = (typeof TABLE_FIELDS)[number];

/** What an input holds while a person edits a cell: words, or the chosen target groups. */
export type Draft = string | string[];

/** Tags are typed in one line, separated by commas. */
const TAG_SEPARATOR = ',';

/** The draft a cell's input starts from. */
export function draftOf(entry: MapEntry, field: TableField): Draft {
	switch (field) {
		case 'targets':
			return [...entry.targets];
		case 'partnerId':
			return entry.partnerId ?? '';
		case 'places':
			return entry.places === null ? '' : String(entry.places);
		case 'tags':
			return entry.tags.join(`${TAG_SEPARATOR} `);
		default:
			return entry[field];
	}
}

/** The value a draft stands for; words that are not a number stay words, so the check can name them. */
function valueOf(field: TableField, draft: Draft): unknown {
	if (Array.isArray(draft)) return draft;
	switch (field) {
		case 'partnerId':
			return draft || null;
		case 'places':
			return readNumber(draft, 'integer');
		case 'tags':
			return draft.split(TAG_SEPARATOR);
		default:
			return draft;
	}
}

export type CellResult = { field: TableField; value: MapEntry[TableField]; problems: [] } | { problems: Problem[] };

/**
 * Checks a cell's draft as part of its entry: answers the tidied value to
 * write (trimmed words, a list without repeats), or the problems to show
 * beside the cell while the draft stays as typed.
 */
export function checkCell(entry: MapEntry, field: TableField, draft: Draft): CellResult {
	const checked = checkEntry({ ...entry, [field]: valueOf(field, draft) });
	if (!checked.entry) return { problems: checked.problems };
	return { field, value: checked.entry[field], problems: [] };
}
