// The order of the table of a map's entries: by any of its columns, either
// way, as a person reading the words expects (Italian collation, so "è" sits
// beside "e" and "Via 9" comes before "Via 10"). The order lives in the
// page's address beside the filter (?sort=&dir=), so it survives a reload.
import type { Category, MapEntry, TargetGroup } from './entry.ts';
import type { NetworkSystem } from '../domain.ts';

export const SORT_COLUMNS = ['name', 'category', 'system', 'targets', 'partner', 'address', 'places', 'hours', 'tags'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export interface EntrySort {
	column: SortColumn;
	dir: SortDirection;
}

export const DEFAULT_SORT: EntrySort = { column: 'name', dir: 'asc' };

/** The order in a page's query string; unknown values fall back to the default. */
export function sortFromParams(params: URLSearchParams): EntrySort {
	const column = params.get('sort');
	const known = SORT_COLUMNS.includes(column as SortColumn);
	return {
		column: known ? (column as SortColumn) : DEFAULT_SORT.column,
		dir: params.get('dir') === 'desc' ? 'desc' : 'asc'
	};
}

/** `params` with the order set; the default order leaves the address clean. */
export function sortToParams(sort: EntrySort, params = new URLSearchParams()): URLSearchParams {
	const next = new URLSearchParams(params);
	if (sort.column === DEFAULT_SORT.column) next.delete('sort');
	else next.set('sort', sort.column);
	if (sort.dir === 'asc') next.delete('dir');
	else next.set('dir', sort.dir);
	return next;
}

/** Choosing a column's header: the same column turns the order round, another starts ascending. */
export const nextSort = (current: EntrySort, column: SortColumn): EntrySort =>
	current.column === column ? { column, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { column, dir: 'asc' };

/** The words a person reads for the codes an entry holds: the table sorts by those, not by codes. */
export interface SortWords {
	category: (code: Category) => string;
	system: (code: NetworkSystem) => string;
	target: (code: TargetGroup) => string;
	partner: (id: string) => string;
}

function keyOf(entry: MapEntry, column: SortColumn, words: SortWords, collator: Intl.Collator): string | number | null {
	switch (column) {
		case 'category':
			return words.category(entry.category);
		case 'system':
			return words.system(entry.system);
		case 'targets':
			return entry.targets.map(words.target).sort(collator.compare).join(', ');
		case 'partner':
			return entry.partnerId ? words.partner(entry.partnerId) : '';
		case 'places':
			return entry.places;
		case 'tags':
			return [...entry.tags].sort(collator.compare).join(', ');
		default:
			return entry[column];
	}
}

/**
 * `entries` in the order `sort` asks for. Empty cells go last whichever way
 * the column is turned, so turning it round never buries the filled ones;
 * ties keep the name order, so the result is the same on every screen.
 */
export function sortEntries(entries: readonly MapEntry[], sort: EntrySort, words: SortWords, locale = 'it'): MapEntry[] {
	const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
	const sign = sort.dir === 'asc' ? 1 : -1;
	// Each key once, not once per comparison: 10,000 entries make ~130,000 comparisons.
	const keyed = entries.map((entry) => ({ entry, key: keyOf(entry, sort.column, words, collator) }));
	const empty = (key: string | number | null) => key === null || key === '';
	keyed.sort((a, b) => {
		if (empty(a.key) !== empty(b.key)) return empty(a.key) ? 1 : -1;
		const byKey =
			typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key ?? ''), String(b.key ?? ''));
		return sign * byKey || collator.compare(a.entry.name, b.entry.name) || a.entry.id.localeCompare(b.entry.id);
	});
	return keyed.map(({ entry }) => entry);
}
