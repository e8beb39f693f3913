// Where a document's Yjs state lives in Postgres: one compacted snapshot plus
// the updates appended after it. This is service access — the collab server
// has already checked the person's role under RLS before a byte moves.
import * as Y from 'yjs';
import type { Database, Queryable } from '../db/types.ts';
import { log } from '../log.ts';

export interface PendingUpdate {
	update: Uint8Array;
	userId: string | null;
}

export interface LoadedDocument {
	/** Rows in the log beside the snapshot. */
	tailRows: number;
	lastVersionAt: Date | null;
	/** The stored snapshot, when it alone is the whole document (no log after it, nothing set aside). */
	wholeState: Uint8Array | null;
}

const bytes = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/**
 * Applies the stored state of `documentId` to `doc`. A row that does not
 * decode is moved to document_problems with the reason, so the document
 * still opens and says what is wrong; any database error is thrown, so that
 * an empty document is never served in place of one that failed to load.
 */
export async function loadDocument(db: Database, documentId: string, doc: Y.Doc): Promise<LoadedDocument> {
	// One statement, so one consistent view without a transaction's round trips:
	// the snapshot's row first (its state null when there is none), then every
	// row still in the log (compaction deletes exactly the rows it folded).
	const { rows } = await db.query<{ id: string | null; bytes: Uint8Array | null; last_version_at: Date | null }>(
		`select null::bigint as id, s.state as bytes,
		        (select max(v.created_at) from public.document_versions v where v.document_id = $1) as last_version_at
		 from (select) as one left join public.document_snapshots s on s.document_id = $1
		 union all
		 select u.id, u.update, null from public.document_updates u where u.document_id = $1
		 order by id nulls first`,
		[documentId],
		{ prepare: true }
	);
	const [head, ...logged] = rows;
	const snapshot = head.bytes ? { state: head.bytes } : null;
	const tail = logged.map((row) => ({ id: row.id as string, update: row.bytes as Uint8Array }));
	const lastVersionAt = head.last_version_at;

	const rejected: { id: string | null; update: Uint8Array; reason: string }[] = [];
	// Yjs decodes all of an update's structs before it integrates any, so a
	// row that does not decode leaves the document as it was (one cut short in
	// its delete set keeps the valid structs before the cut): no separate check,
	// which would decode every stored byte twice, is needed on this path.
	const apply = (update: Uint8Array, id: string | null, label: string) => {
		try {
			Y.applyUpdate(doc, update, 'load');
		} catch (error) {
			rejected.push({ id, update, reason: `${label}: ${(error as Error).message}` });
		}
	};
	if (snapshot) apply(snapshot.state, null, 'snapshot');
	for (const row of tail) apply(row.update, row.id, `update ${row.id}`);
	if (rejected.length > 0) await setAside(db, documentId, rejected);

	const wholeState = snapshot && tail.length === 0 && rejected.length === 0 ? snapshot.state : null;
	return { tailRows: tail.length, lastVersionAt, wholeState };
}

async function snapshotOf(tx: Queryable, documentId: string): Promise<{ state: Uint8Array } | null> {
	const { rows } = await tx.query<{ state: Uint8Array }>('select state from public.document_snapshots where document_id = $1', [documentId]);
	return rows[0] ?? null;
}

function logRows(tx: Queryable, documentId: string) {
	return tx.query<{ id: string; update: Uint8Array }>('select id, update from public.document_updates where document_id = $1 order by id', [
		documentId
	]).then((result) => result.rows);
}

/** The storage work on a document that one process at a time does: each structured part's projection has its own. */
export type TurnTask = 'text' | 'entries' | 'commitments' | 'objectives' | 'actions' | 'compact' | 'version';

/**
 * Runs `work` in a transaction if no other process is doing `task` for the
 * document at this moment (see take_turn); null when one is (it does the
 * work instead).
 */
export function inTurn<T>(
	db: Database,
	task: TurnTask,
	documentId: string,
	work: (tx: Queryable) => Promise<T>
): Promise<T | null> {
	return db.transaction(async (tx) => {
		const { rows } = await tx.query<{ turn: boolean }>('select trama_collab.take_turn($1, $2) as turn', [task, documentId]);
		return rows[0].turn ? work(tx) : null;
	});
}

async function setAside(
	db: Database,
	documentId: string,
	rejected: { id: string | null; update: Uint8Array; reason: string }[]
): Promise<void> {
	await db.transaction(async (tx) => {
		for (const { id, update, reason } of rejected) {
			await tx.query('insert into public.document_problems (document_id, update, reason) values ($1, $2, $3)', [
				documentId,
				bytes(update),
				reason
			]);
			if (id === null) await tx.query('delete from public.document_snapshots where document_id = $1', [documentId]);
			else await tx.query('delete from public.document_updates where id = $1', [id]);
		}
	});
	log.warn({ documentId, rows: rejected.length, reasons: rejected.map((r) => r.reason) }, 'collab: stored rows set aside');
}

export interface DocumentBatch {
	documentId: string;
	updates: PendingUpdate[];
	/** Authors not yet recorded as contributors of this document. */
	newContributors: string[];
}

export interface StoredBatch {
	rows: number;
}

// Rows per INSERT statement: three parameters each, far below Postgres's limit.
const ROWS_PER_STATEMENT = 300;

/**
 * Appends the changes of many documents in one transaction, one merged row
 * per document (with its author when there is only one; who wrote in a
 * document is kept in document_contributors), and records new contributors.
 */
export async function storeBatches(db: Database, batches: DocumentBatch[]): Promise<Map<string, StoredBatch>> {
	const rows = batches.map(({ documentId, updates }): [string, Buffer, string | null] => {
		const authors = new Set(updates.map((u) => u.userId));
		const merged = updates.length === 1 ? updates[0].update : Y.mergeUpdates(updates.map((u) => u.update));
		return [documentId, bytes(merged), authors.size === 1 ? updates[0].userId : null];
	});
	const contributors = batches.flatMap(({ documentId, newContributors }) => newContributors.map((userId) => [documentId, userId]));
	return db.transaction(async (tx) => {
		const stored = new Map<string, StoredBatch>();
		for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
			const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
			const { rows: written } = await tx.query<{ document_id: string }>(
				`insert into public.document_updates (document_id, update, created_by) values ${placeholders(chunk.length, 3)}
				 returning document_id`,
				chunk.flat()
			);
			for (const { document_id } of written) stored.set(document_id, { rows: (stored.get(document_id)?.rows ?? 0) + 1 });
		}
		if (contributors.length > 0) {
			await tx.query(
				`insert into public.document_contributors (document_id, user_id) values ${placeholders(contributors.length, 2)}
				 on conflict (document_id, user_id) do update set last_edit_at = now()`,
				contributors.flat()
			);
		}
		return stored;
	});
}

/** ($1, $2, $3), ($4, $5, $6), … for `count` rows of `width` parameters. */
function placeholders(count: number, width: number): string {
	return Array.from({ length: count }, (_, row) => `(${Array.from({ length: width }, (_, col) => `$${row * width + col + 1}`).join(', ')})`).join(', ');
}

/** The ids among `documentIds` that no longer have a document row. */
export async function missingDocuments(db: Database, documentIds: string[]): Promise<string[]> {
	const { rows } = await db.query<{ id: string }>(
		'select id from unnest($1::uuid[]) as wanted (id) where not exists (select 1 from public.documents d where d.id = wanted.id)',
		[documentIds]
	);
	return rows.map((row) => row.id);
}

/** The document's plain text, copied where full-text search can find it. */
export async function projectText(tx: Queryable, documentId: string, text: string): Promise<void> {
	await tx.query('update public.documents set content_text = $2, content_updated_at = now() where id = $1', [documentId, text]);
}

/**
 * Folds the log into the snapshot when it holds at least `minRows` rows, in
 * one process at a time: the new snapshot is the old one, every row read,
 * and `state` (what this process holds, which may include changes not yet
 * stored by whoever received them: stored later, they change nothing), and
 * exactly the rows read are deleted. A row committed after the read, whatever
 * its id, stays for the next load. Returns the rows left in the log, or null
 * when another process is compacting the document right now.
 */
export async function compact(db: Database, documentId: string, state: Uint8Array, minRows: number): Promise<number | null> {
	return inTurn(db, 'compact', documentId, async (tx) => {
		const rows = await logRows(tx, documentId);
		if (rows.length < minRows) return rows.length;
		const snapshot = await snapshotOf(tx, documentId);
		const doc = new Y.Doc();
		const folded: string[] = [];
		try {
			if (snapshot) Y.applyUpdate(doc, snapshot.state);
			Y.applyUpdate(doc, state);
			for (const row of rows) {
				try {
					Y.applyUpdate(doc, row.update);
					folded.push(row.id);
				} catch {
					// Left in the log: the next load sets it aside with its reason.
				}
			}
			await tx.query(
				`insert into public.document_snapshots (document_id, state, updated_at) values ($1, $2, now())
				 on conflict (document_id) do update set state = excluded.state, updated_at = now()`,
				[documentId, bytes(Y.encodeStateAsUpdate(doc))]
			);
		} finally {
			doc.destroy();
		}
		await tx.query('delete from public.document_updates where id = any($1::bigint[])', [folded]);
		return rows.length - folded.length;
	});
}

/**
 * An automatic version, kept while a document changes so that history has no
 * long gaps, by one process: none is made when the last version (by anyone)
 * is younger than `everyMs`. Returns when the latest version was made.
 */
export async function saveAutomaticVersion(
	db: Database,
	documentId: string,
	state: Uint8Array,
	text: string,
	everyMs: number
): Promise<Date | null> {
	return inTurn(db, 'version', documentId, async (tx) => {
		const { rows } = await tx.query<{ at: Date }>(
			`select max(created_at) as at from public.document_versions
			 where document_id = $1 and created_at > now() - make_interval(secs => $2 / 1000.0)`,
			[documentId, everyMs]
		);
		if (rows[0]?.at) return rows[0].at;
		const { rows: made } = await tx.query<{ at: Date }>(
			`insert into public.document_versions (document_id, automatic, state, content_text, created_by)
			 values ($1, true, $2, $3, null) returning created_at as at`,
			[documentId, bytes(state), text]
		);
		return made[0].at;
	});
}
