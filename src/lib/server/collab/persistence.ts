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
	/** The id of the last stored update folded into the document. */
	lastUpdateId: number;
	/** Rows left in the log after the snapshot. */
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
	const { snapshot, tail, lastVersionAt } = await db.transaction(async (tx) => {
		const snapshots = await tx.query<{ state: Uint8Array; through_update: string }>(
			'select state, through_update from public.document_snapshots where document_id = $1',
			[documentId]
		);
		const snapshot = snapshots.rows[0] ?? null;
		const tail = await tx.query<{ id: string; update: Uint8Array }>(
			'select id, update from public.document_updates where document_id = $1 and id > $2 order by id',
			[documentId, snapshot?.through_update ?? 0]
		);
		const versions = await tx.query<{ at: Date | null }>(
			'select max(created_at) as at from public.document_versions where document_id = $1',
			[documentId]
		);
		return { snapshot, tail: tail.rows, lastVersionAt: versions.rows[0]?.at ?? null };
	});

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

	const lastUpdateId = Number(tail.at(-1)?.id ?? snapshot?.through_update ?? 0);
	const wholeState = snapshot && tail.length === 0 && rejected.length === 0 ? snapshot.state : null;
	return { lastUpdateId, tailRows: tail.length, lastVersionAt, wholeState };
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
	/** The id of the last row written for the document. */
	lastId: number;
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
			const { rows: written } = await tx.query<{ id: string; document_id: string }>(
				`insert into public.document_updates (document_id, update, created_by) values ${placeholders(chunk.length, 3)}
				 returning id, document_id`,
				chunk.flat()
			);
			for (const { id, document_id } of written) {
				const seen = stored.get(document_id) ?? { lastId: 0, rows: 0 };
				stored.set(document_id, { lastId: Math.max(seen.lastId, Number(id)), rows: seen.rows + 1 });
			}
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
export async function projectText(db: Queryable, documentId: string, text: string): Promise<void> {
	await db.query('update public.documents set content_text = $2, content_updated_at = now() where id = $1', [
		documentId,
		text
	]);
}

/**
 * Replaces the snapshot with `state` and drops the log rows it covers. The
 * state may already hold changes that are not yet stored: they will be
 * appended later with higher ids, and applying them twice changes nothing.
 */
export async function compact(db: Database, documentId: string, state: Uint8Array, throughUpdate: number): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.query(
			`insert into public.document_snapshots (document_id, state, through_update, updated_at) values ($1, $2, $3, now())
			 on conflict (document_id) do update set state = excluded.state, through_update = excluded.through_update, updated_at = now()`,
			[documentId, bytes(state), throughUpdate]
		);
		await tx.query('delete from public.document_updates where document_id = $1 and id <= $2', [documentId, throughUpdate]);
	});
}

/** An automatic version: kept while a document changes, so history has no long gaps. */
export async function saveAutomaticVersion(db: Database, documentId: string, state: Uint8Array, text: string): Promise<void> {
	await db.query(
		`insert into public.document_versions (document_id, automatic, state, content_text, created_by)
		 values ($1, true, $2, $3, null)`,
		[documentId, bytes(state), text]
	);
}
