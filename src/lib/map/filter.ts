// The one filter that narrows every view of a map's entries (map, table,
// network, synergies). It lives in the page's address, so a filtered view
// can be shared as a link and survives a reload.
import { isUuid } from '../uuid.ts';
import { isCategory, isSystem, isTargetGroup, type Category, type MapEntry, type TargetGroup } from './entry.ts';
import type { NetworkSystem } from '../domain.ts';

export interface EntryFilter {
	category: Category | null;
	system: NetworkSystem | null;
	target: TargetGroup | null;
	partner: string | null;
	/** Words to find in the name, address, contacts, notes and tags. */
	q: string;
}

export const NO_FILTER: EntryFilter = { category: null, system: null, target: null, partner: null, q: '' };

/** The filter in a page's query string; unknown values are ignored rather than refused. */
export function filterFromParams(params: URLSearchParams): EntryFilter {
	const pick = <T>(name: string, valid: (value: unknown) => value is T): T | null => {
		const value = params.get(name);
		return valid(value) ? value : null;
	};
	return {
		category: pick('category', isCategory),
		system: pick('system', isSystem),
		target: pick('target', isTargetGroup),
		partner: pick('partner', (value): value is string => isUuid(String(value))),
		q: (params.get('q') ?? '').trim().slice(0, 200)
	};
}

/** `params` with the filter's values set and empty ones removed; other parameters (the view) are kept. */
export function filterToParams(filter: EntryFilter, params = new URLSearchParams()): URLSearchParams {
	const next = new URLSearchParams(params);
	for (const key of Object.keys(NO_FILTER) as (keyof EntryFilter)[]) {
		const value = filter[key];
		if (value) next.set(key, value);
		else next.delete(key);
	}
	return next;
}

export const isFiltered = (filter: EntryFilter): boolean => Object.values(filter).some(Boolean);

/** Lower case without accents, so "citta" finds "Città". */
export const fold = (value: string): string => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function matchesFilter(entry: MapEntry, filter: EntryFilter): boolean {
	if (filter.category && entry.category !== filter.category) return false;
	if (filter.system && entry.system !== filter.system) return false;
	if (filter.target && !entry.targets.includes(filter.target)) return false;
	if (filter.partner && entry.partnerId !== filter.partner) return false;
	if (!filter.q) return true;
	const haystack = fold([entry.name, entry.address, entry.contacts, entry.notes, ...entry.tags].join('\n'));
	return fold(filter.q)
		.split(/\s+/)
		.every((word) => haystack.includes(word));
}
