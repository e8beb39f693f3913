// A document's structured part (a map's entries, a pact's commitments),
// copied from the room's Y.Doc into its SQL table so that SQL can search,
// sum, match and export it. The Y.Doc stays the truth; the table follows it,
// a few seconds after people pause (the room's projectAfterQuietMs; at least
// every projectEveryMs while they keep going) and exactly once the room
// settles. What differs from kind to kind (which table, which rows, what an
// item may name) is its Projector; this file is the one diff, reconcile and
// retry for all of them.
//
// Only what changed is written: the kind's map is observed, and each changed
// id is compared with its row in the table, as it is now, whichever process
// wrote it (several may serve the document, one projecting at a time). The
// first projection after the room loads compares every item with the
// table's rows instead, so a projection lost to a crash is made good. A
// document without items of a kind never fires that kind's observer, and
// costs nothing more than the observer.
import * as Y from 'yjs';
import type { Database, Queryable } from '../db/types.ts';
import type { DocumentKind } from '../../documents/kinds.ts';
import type { StructuredKind } from '../../structured/kind.ts';
import { checkedItem, itemsMap, readItems } from '../../structured/items-doc.ts';
import { isUuid } from '../../uuid.ts';
import { inTurn, type TurnTask } from './persistence.ts';
import { REMOTE } from './fan-out.ts';

const ROWS_PER_STATEMENT = 500;

/**
 * How one kind of item becomes rows of one table. `Known` is what the
 * network holds that rows may name (its partners, its maps' entries), read
 * once per projection, for the items about to be projected.
 */
export interface Projector<T extends { id: string }, Row extends { id: string }, Known> {
	/** The documents whose items of this kind are projected; the same items in another kind of document are not. */
	readonly documentKind: DocumentKind;
	readonly kind: StructuredKind<T>;
	/** Names the lock that lets one process at a time project a document's items of this kind. */
	readonly lock: TurnTask;
	known(tx: Queryable, networkId: string, items: readonly T[]): Promise<Known>;
	/** The row a well-formed item becomes, or null when it is not projected (it names what the network does not hold, say). */
	row(item: T, known: Known): Row | null;
	/** The same row the same way, whether built from an item or read back from the table. */
	fingerprint(row: Row): string;
	/** The document's rows; only those of `ids`, when given. */
	read(tx: Queryable, documentId: string, ids: string[] | null): Promise<Row[]>;
	/** Writes `rows` as the document's, adding new ones and replacing the others; at most a slice of rows at a time. */
	upsert(tx: Queryable, documentId: string, networkId: string, rows: Row[]): Promise<void>;
	remove(tx: Queryable, documentId: string, ids: string[]): Promise<void>;
	/**
	 * An item's contribution to the document's search text, from its stored
	 * fields (checked or not: a half-written item is found too), or ''.
	 */
	searchText(fields: Y.Map<unknown>): string;
}

/** What a room asks of a projection, whatever its kind. */
export interface Projection {
	/** True when the table may differ from the document. */
	readonly due: boolean;
	project(db: Database): Promise<void>;
	destroy(): void;
}

export class ItemsProjection<T extends { id: string }, Row extends { id: string }, Known> implements Projection {
	/** Map keys changed since the last projection. */
	#changed = new Set<string>();
	#reconciled = false;
	/** The projection under way: the next waits for it, so two never diff against the same rows. */
	#running: Promise<unknown> = Promise.resolve();
	readonly #map: Y.Map<Y.Map<unknown>>;
	readonly #observer: (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => void;

	constructor(
		private readonly documentId: string,
		doc: Y.Doc,
		private readonly projector: Projector<T, Row, Known>
	) {
		this.#map = itemsMap(doc, projector.kind);
		// A change to an item's fields has the item's id first in its path; one to the map itself names the ids.
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
		const projector = this.projector;
		let done = false;
		try {
			const turn = await inTurn(db, projector.lock, this.documentId, async (tx) => {
				// Asked each time: a document deleted while open must not be retried for ever.
				const networkId = await networkOf(tx, this.documentId, projector.documentKind);
				// Items written into another kind of document are not projected; a deleted document's rows went with it.
				if (networkId === null) return;
				// A key that is no uuid has no row: the table holds only well-formed items.
				const ids = reconciling ? null : [...changed].filter(isUuid);
				const written = new Map((await projector.read(tx, this.documentId, ids)).map((row) => [row.id, projector.fingerprint(row)]));
				const keys = reconciling ? new Set([...this.#map.keys(), ...written.keys()]) : changed;
				const items = this.#checked(keys);
				const { upserts, deletes } = this.#difference(keys, items, written, await projector.known(tx, networkId, items));
				await upsertInSlices(tx, projector, this.documentId, networkId, upserts);
				if (deletes.length > 0) await projector.remove(tx, this.documentId, deletes);
			});
			done = turn !== null;
		} finally {
			if (done) this.#reconciled = true;
			else for (const key of changed) this.#changed.add(key);
		}
	}

	/** The well-formed items stored under `keys`. */
	#checked(keys: Set<string>): T[] {
		return [...keys].flatMap((key) => checkedItem(this.projector.kind, key, this.#map.get(key)) ?? []);
	}

	#difference(keys: Set<string>, items: T[], written: Map<string, string>, known: Known) {
		const next = new Map(written);
		const upserts = new Map<string, Row>();
		const present = new Set<string>();
		for (const item of items) {
			const row = this.projector.row(item, known);
			if (!row) continue;
			const print = this.projector.fingerprint(row);
			if (next.get(row.id) !== print) upserts.set(row.id, row);
			next.set(row.id, print);
			present.add(row.id);
		}
		// Removed, made malformed by a faulty client, or naming what the network does not hold: the table keeps
		// only items that project. A key differs from its id only in case, if a client wrote it in upper case:
		// the id is what the table knows.
		const deletes = [...keys].map((key) => key.toLowerCase()).filter((id) => next.has(id) && !present.has(id));
		return { upserts: [...upserts.values()], deletes: [...new Set(deletes)] };
	}

	destroy() {
		this.#map.unobserveDeep(this.#observer);
	}
}

/** What the items of `doc` of the projector's kind add to the document's search text, one a line. */
export function itemsSearchText<T extends { id: string }>(
	doc: Y.Doc,
	projector: Pick<Projector<T, never, unknown>, 'kind' | 'searchText'>
): string {
	const lines: string[] = [];
	for (const fields of itemsMap(doc, projector.kind).values()) {
		const line = fields instanceof Y.Map ? projector.searchText(fields) : '';
		if (line) lines.push(line);
	}
	return lines.join('\n');
}

/** The document's network, if it is of `kind` and still exists. */
async function networkOf(tx: Queryable, documentId: string, kind: DocumentKind): Promise<string | null> {
	const { rows } = await tx.query<{ network_id: string }>(
		'select network_id from public.documents where id = $1 and kind = $2',
		[documentId, kind]
	);
	return rows[0]?.network_id ?? null;
}

/** The ids of the network's partners, the only ones an item may name. */
export async function networkPartners(tx: Queryable, networkId: string): Promise<Set<string>> {
	const { rows } = await tx.query<{ id: string }>('select id from public.partners where network_id = $1', [networkId]);
	return new Set(rows.map((row) => row.id));
}

/**
 * Writes the items of a stored state as the document's rows, as the collab
 * server would: for a seed that builds the state itself.
 */
export async function projectState<T extends { id: string }, Row extends { id: string }, Known>(
	tx: Queryable,
	projector: Projector<T, Row, Known>,
	document: { id: string; networkId: string },
	state: Uint8Array
): Promise<void> {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
		const { items } = readItems(doc, projector.kind);
		const known = await projector.known(tx, document.networkId, items);
		const rows = items.flatMap((item) => projector.row(item, known) ?? []);
		await upsertInSlices(tx, projector, document.id, document.networkId, rows);
	} finally {
		doc.destroy();
	}
}

/** In slices, so that an import of thousands of items lets sockets be served between statements (PGlite runs in this thread). */
async function upsertInSlices<Row extends { id: string }>(
	tx: Queryable,
	projector: Pick<Projector<never, Row, never>, 'upsert'>,
	documentId: string,
	networkId: string,
	rows: Row[]
): Promise<void> {
	for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
		await projector.upsert(tx, documentId, networkId, rows.slice(start, start + ROWS_PER_STATEMENT));
	}
}
