// A territorial map's entries as the SQL projection holds them (see
// src/lib/server/map/projector.ts), read as the person: RLS lets
// only the network's members see them. For the first paint of the entries
// page, before the live document has loaded, and for exports.
import type { Queryable } from '../db/types.ts';
import type { Category, MapEntry } from '../../map/entry.ts';
import { matchesFilter, type EntryFilter } from '../../map/filter.ts';
import { entryOfRow, type EntryRow } from './rows.ts';

/**
 * The entries of one map that pass `filter`, by name. Category, system,
 * target group and partner are asked of SQL (the indexes serve them); the
 * words are then matched by matchesFilter itself, so that a search finds
 * exactly what the page finds, folding and all.
 */
export async function listEntries(tx: Queryable, networkId: string, documentId: string, filter: EntryFilter): Promise<MapEntry[]> {
	const { rows } = await tx.query<EntryRow>(
		`select id, name, category::text as category, system::text as system, target_groups,
		        partner_id, address, lat, lng, places, hours, contacts, notes, tags
		 from public.map_entries
		 where network_id = $1 and document_id = $2
		   and ($3::public.map_category is null or category = $3)
		   and ($4::public.network_system is null or system = $4)
		   and ($5::text is null or target_groups @> array[$5::text])
		   and ($6::uuid is null or partner_id = $6)
		 order by lower(name), id`,
		[networkId, documentId, filter.category, filter.system, filter.target, filter.partner]
	);
	const entries = rows.map(entryOfRow);
	return filter.q ? entries.filter((entry) => matchesFilter(entry, filter)) : entries;
}

/** How many entries of each category a map holds, as last projected: the summary on its text's page. */
export async function entryCounts(tx: Queryable, documentId: string): Promise<Partial<Record<Category, number>>> {
	const { rows } = await tx.query<{ category: Category; count: number }>(
		'select category::text as category, count(*)::int as count from public.map_entries where document_id = $1 group by category',
		[documentId]
	);
	return Object.fromEntries(rows.map((row) => [row.category, row.count]));
}

/**
 * The names of the network's map entries among `ids`, by id: what a pact's
 * commitments answer and bring, named in its exports. An id no map holds any
 * more (or that the person may not see) is simply absent.
 */
export async function entryNames(tx: Queryable, networkId: string, ids: readonly string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const { rows } = await tx.query<{ id: string; name: string }>(
		'select id, name from public.map_entries where network_id = $1 and id = any($2::uuid[])',
		[networkId, ids]
	);
	return new Map(rows.map((row) => [row.id, row.name]));
}
