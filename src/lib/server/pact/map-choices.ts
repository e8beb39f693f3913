// The network's map entries a pact's commitment may name (the needs it
// answers, the services and resources it brings), read as the person from
// the maps' SQL projection: RLS shows only what a member of the network sees.
import type { Queryable } from '../db/types.ts';
import type { MapChoice } from '../../pact/summary.ts';

/** Every entry of every territorial map of the network (or only those of `ids`), map by map, by name. */
export async function listMapChoices(tx: Queryable, networkId: string, ids?: readonly string[]): Promise<MapChoice[]> {
	const { rows } = await tx.query<MapChoice>(
		`select e.id, e.name, e.category::text as category, e.document_id as "documentId", d.title as "documentTitle"
		 from public.map_entries e
		 join public.documents d on d.id = e.document_id
		 where e.network_id = $1 and ($2::uuid[] is null or e.id = any($2::uuid[]))
		 order by lower(d.title), d.id, lower(e.name), e.id`,
		[networkId, ids ?? null]
	);
	return rows;
}
