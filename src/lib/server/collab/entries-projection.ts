// A territorial map's entries, copied from the room's Y.Doc into
// public.map_entries so that SQL can search, match and export them. The
// Y.Doc stays the truth; the table follows it, a few seconds after people
// pause (the room's projectAfterQuietMs; at least every projectEveryMs while
// they keep going) and exactly once the room settles.
//
// Only what changed is written: the entries map is observed, and each
// changed id is compared with its row in the table, as it is now, whichever
// process wrote it (several may serve the document, one projecting at a
// time). The first projection after the room loads compares every entry
// with the table's rows instead, so a projection lost to a crash is made
// good. A document without entries never fires the observer, and costs
// nothing here.
import * as Y from 'yjs';
import type { Database, Queryable } from '../db/types.ts';
import { inTurn } from './persistence.ts';
import { REMOTE } from './fan-out.ts';
import { MAP_ENTRIES, entriesMap } from '../../map/entries-doc.ts';
import { checkedItem } from '../../structured/items-doc.ts';
import { LIMITS } from '../../map/entry.ts';
import { entryRow, type EntryRow } from '../map/rows.ts';

const ROWS_PER_STATEMENT = 500;

const COLUMNS = 'id, name, category, system, target_groups, partner_id, address, lat, lng, places, hours, contacts, notes, tags';

/** The same row the same way, whether built from an entry or read back from the table. */
function fingerprint(row: EntryRow): string {
	return JSON.stringify([
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
	]);
}

export class EntriesProjection {
	/** Map keys changed since the last projection. */
	#changed = new Set<string>();
	#reconciled = false;
	/** The projection under way: the next waits for it, so two never diff against the same rows. */
	#running: Promise<unknown> = Promise.resolve();
	readonly #map: Y.Map<Y.Map<unknown>>;
	readonly #observer: (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => void;

	constructor(
		private readonly documentId: string,
		doc: Y.Doc
	) {
		this.#map = entriesMap(doc);
		// A change to an entry's fields has the entry's id first in its path; one to the map itself names the ids.
		this.#observer = (events, transaction) => {
			// Another process's change is projected by that process.
			if (transaction.origin === REMOTE) return;
			for (const event of events) {
				if (event.path.length > 0) this.#changed.add(String(event.path[0]));
				else for (const key of (event as Y.YMapEvent<unknown>).keysChanged) this.#changed.add(key);
			}
		};
		this.#map.observeDeep(this.#observer);
	}

	/** True when the table may differ from the document. */
	get due(): boolean {
		return this.#changed.size > 0;
	}

	/**
	 * Writes the difference in one transaction, with the service connection,
	 * unless another process is projecting the document right now. Whatever
	 * is not written is not forgotten: the same ids are tried again next time.
	 */
	project(db: Database): Promise<void> {
		const run = this.#running.then(() => this.#projectOnce(db));
		this.#running = run.catch(() => {});
		return run;
	}

	async #projectOnce(db: Database): Promise<void> {
		if (!this.due) return;
		const changed = this.#changed;
		const reconciling = !this.#reconciled;
		this.#changed = new Set();
		let done = false;
		try {
			const turn = await inTurn(db, 'entries', this.documentId, async (tx) => {
				// Asked each time: a document deleted while open must not be retried for ever.
				const networkId = await mapNetwork(tx, this.documentId);
				// Entries written into another kind of document are not a map's; a deleted document's rows went with it.
				if (networkId === null) return;
				const partners = await networkPartners(tx, networkId);
				const written = await rowsOf(tx, this.documentId, reconciling ? null : [...changed]);
				const keys = reconciling ? new Set([...this.#map.keys(), ...written.keys()]) : changed;
				const { upserts, deletes } = this.#difference(keys, written, partners);
				// In slices, so that an import of thousands of entries lets sockets be served between statements (PGlite runs in this thread).
				for (let start = 0; start < upserts.length; start += ROWS_PER_STATEMENT) {
					await upsertRows(tx, this.documentId, networkId, upserts.slice(start, start + ROWS_PER_STATEMENT));
				}
				if (deletes.length > 0) await remove(tx, this.documentId, deletes);
			});
			done = turn !== null;
		} finally {
			if (done) this.#reconciled = true;
			else for (const key of changed) this.#changed.add(key);
		}
	}

	#difference(keys: Set<string>, written: Map<string, string>, partners: ReadonlySet<string>) {
		const next = new Map(written);
		const upserts = new Map<string, EntryRow>();
		const present = new Set<string>();
		for (const key of keys) {
			const entry = checkedItem(MAP_ENTRIES, key, this.#map.get(key));
			if (!entry) continue;
			const row = entryRow(entry, partners);
			const print = fingerprint(row);
			if (next.get(row.id) !== print) upserts.set(row.id, row);
			next.set(row.id, print);
			present.add(row.id);
		}
		// Removed, or made malformed by a faulty client: the table keeps only well-formed entries. A key
		// differs from its id only in case, if a client wrote it in upper case: the id is what the table knows.
		const deletes = [...keys].map((key) => key.toLowerCase()).filter((id) => next.has(id) && !present.has(id));
		return { upserts: [...upserts.values()], deletes: [...new Set(deletes)] };
	}

	/** The entries' names, one a line, for the document's search text: a map is found by what it holds. */
	names(): string {
		const names: string[] = [];
		for (const fields of this.#map.values()) {
			const name = fields instanceof Y.Map ? fields.get('name') : null;
			if (typeof name === 'string' && name.trim()) names.push(name.trim().slice(0, LIMITS.name));
		}
		return names.join('\n');
	}

	destroy() {
		this.#map.unobserveDeep(this.#observer);
	}
}

async function mapNetwork(tx: Queryable, documentId: string): Promise<string | null> {
	const { rows } = await tx.query<{ network_id: string }>(
		`select network_id from public.documents where id = $1 and kind = 'territorial_map'`,
		[documentId]
	);
	return rows[0]?.network_id ?? null;
}

/** The ids of the network's partners, the only ones an entry may name. */
export async function networkPartners(tx: Queryable, networkId: string): Promise<Set<string>> {
	const { rows } = await tx.query<{ id: string }>('select id from public.partners where network_id = $1', [networkId]);
	return new Set(rows.map((row) => row.id));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The table's rows for the document (only those of the map keys given, if any), as fingerprints by id. */
async function rowsOf(tx: Queryable, documentId: string, keys: string[] | null): Promise<Map<string, string>> {
	// A key that is no uuid has no row: the table holds only well-formed entries.
	const ids = keys?.filter((key) => UUID.test(key)) ?? null;
	const { rows } = await tx.query<EntryRow>(
		`select ${COLUMNS} from public.map_entries where document_id = $1 and ($2::uuid[] is null or id = any($2::uuid[]))`,
		[documentId, ids]
	);
	return new Map(rows.map((row) => [row.id, fingerprint(row)]));
}

/** Writes `rows` as the document's entries, adding new ones and replacing the others. */
export async function upsertRows(tx: Queryable, documentId: string, networkId: string, rows: EntryRow[]): Promise<void> {
	// One statement for any number of rows: the rows travel as one JSON array.
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

async function remove(tx: Queryable, documentId: string, ids: string[]): Promise<void> {
	await tx.query('delete from public.map_entries where document_id = $1 and id = any($2::uuid[])', [documentId, ids]);
}
