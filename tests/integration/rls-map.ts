import { randomUUID } from 'node:crypto';
import { exists, MEMBERS, nobodyWrites, sawRow, type Operation, type World } from './rls-types.ts';
import type { Database, Queryable } from '../../src/lib/server/db/types.ts';

// The territorial map part of the row-level policy matrix (rls-matrix.test.ts):
// map_entries, the projection of a map's entries that only the collab server
// writes. Members see their network's entries; as the API roles nobody
// inserts, changes or deletes one, not even were the table's privileges
// granted: there is no policy to let them.

/** An entry of `document`'s map, written by the service as the collab server would; its id. */
export async function createMapEntry(db: Database | Queryable, document: { id: string; networkId: string }, name: string): Promise<string> {
	const id = randomUUID();
	await db.query(
		`insert into public.map_entries (document_id, network_id, id, name, category, system, target_groups, lat, lng)
		 values ($1, $2, $3, $4, 'service', 'social', '{mental_health}', 41.6397, 13.3426)`,
		[document.id, document.networkId, id, name]
	);
	return id;
}

const entryExists = (tx: Queryable, w: World, condition = '') =>
	exists(tx, `select 1 from public.map_entries where document_id = $1 and id = $2 ${condition}`, [w.documentA.id, w.mapEntryA]);

export const mapOperations: Operation[] = [
	{
		table: 'map_entries',
		phrase: "see an entry of network A's map",
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.map_entries where document_id = $1 and id = $2', [w.documentA.id, w.mapEntryA]),
		tookEffect: sawRow
	},
	...nobodyWrites('map_entries', 'insert', {
		phrase: "add an entry to network A's map",
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.map_entries (document_id, network_id, id, name, category, system)
				 values ($1, $2, $3, 'Voce scritta a mano', 'need', 'social')`,
				[w.documentA.id, w.a.id, at.id]
			),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.map_entries where id = $1', [at.id])
	}),
	...nobodyWrites('map_entries', 'update', {
		phrase: "change an entry of network A's map",
		act: (tx, w) =>
			tx.query(`update public.map_entries set name = 'Voce riscritta' where document_id = $1 and id = $2`, [w.documentA.id, w.mapEntryA]),
		tookEffect: (tx, w) => entryExists(tx, w, `and name = 'Voce riscritta'`)
	}),
	...nobodyWrites('map_entries', 'delete', {
		phrase: "delete an entry of network A's map",
		act: (tx, w) => tx.query('delete from public.map_entries where document_id = $1 and id = $2', [w.documentA.id, w.mapEntryA]),
		tookEffect: async (tx, w) => !(await entryExists(tx, w))
	})
];
