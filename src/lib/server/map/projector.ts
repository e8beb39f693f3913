// How a territorial map's entries become rows of public.map_entries: the
// map's part of the collab server's projection (collab/projection.ts).
import type { Queryable } from '../db/types.ts';
import type { MapEntry } from '../../map/entry.ts';
import { LIMITS } from '../../map/entry.ts';
import { MAP_ENTRIES } from '../../map/entries-doc.ts';
import { networkPartners, type Projector } from '../collab/projection.ts';
import { entryRow, type EntryRow } from './rows.ts';

const COLUMNS = 'id, name, category, system, target_groups, partner_id, address, lat, lng, places, hours, contacts, notes, tags';

/** An entry may name any of the network's partners; one it does not hold becomes none. */
export const MAP_PROJECTOR: Projector<MapEntry, EntryRow, ReadonlySet<string>> = {
	documentKind: 'territorial_map',
	kind: MAP_ENTRIES,
	lock: 'entries',
	known: networkPartners,
	row: entryRow,
	fingerprint: (row) =>
		JSON.stringify([
			row.name,
			row.category,
			row.system,
			row.target_groups,
			row.partner_id,
			row.address,
			row.lat,
			row.lng,
			row.places,
			row.hours,
			row.contacts,
			row.notes,
			row.tags
		]),
	async read(tx, documentId, ids) {
		const { rows } = await tx.query<EntryRow>(
			`select ${COLUMNS} from public.map_entries where document_id = $1 and ($2::uuid[] is null or id = any($2::uuid[]))`,
			[documentId, ids]
		);
		return rows;
	},
	upsert: upsertEntryRows,
	async remove(tx, documentId, ids) {
		await tx.query('delete from public.map_entries where document_id = $1 and id = any($2::uuid[])', [documentId, ids]);
	},
	// A map is found by what it holds: its entries' names.
	searchText(fields) {
		const name = fields.get('name');
		return typeof name === 'string' ? name.trim().slice(0, LIMITS.name) : '';
	}
};

/** Writes `rows` as the document's entries, adding new ones and replacing the others, in one statement. */
async function upsertEntryRows(tx: Queryable, documentId: string, networkId: string, rows: EntryRow[]): Promise<void> {
	// The rows travel as one JSON array.
	await tx.query(
		`insert into public.map_entries (document_id, network_id, ${COLUMNS})
		 select $1, $2, ${COLUMNS}
		 from jsonb_to_recordset($3::jsonb) as e (
		   id uuid, name text, category public.map_category, system public.network_system, target_groups text[],
		   partner_id uuid, address text, lat double precision, lng double precision, places integer,
		   hours text, contacts text, notes text, tags text[]
		 )
		 on conflict (document_id, id) do update set
		   name = excluded.name, category = excluded.category, system = excluded.system,
		   target_groups = excluded.target_groups, partner_id = excluded.partner_id, address = excluded.address,
		   lat = excluded.lat, lng = excluded.lng, places = excluded.places, hours = excluded.hours,
		   contacts = excluded.contacts, notes = excluded.notes, tags = excluded.tags, updated_at = now()`,
		[documentId, networkId, JSON.stringify(rows)]
	);
}
