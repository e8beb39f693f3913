// The file space's housekeeping, as the service: files kept in the bin for
// 30 days are deleted for good, and the bytes of stored objects that no
// version uses any more (queued by the database in file_removals) are
// removed from the store. A key leaves the queue only once its bytes are
// gone, so a store that is down is simply tried again next time.
import type { Database } from '../db/types.ts';
import { startPeriodic } from '../periodic.ts';
import type { FileStore } from './store.ts';
import { BIN_DAYS } from '../../files/space.ts';

/** Objects removed per round: a network's deletion may queue thousands. */
const BATCH = 200;

export interface SweepResult {
	purged: number;
	removed: number;
}

export async function sweepFiles(db: Database, store: FileStore): Promise<SweepResult> {
	const purged = await db.query<{ id: string }>(
		`delete from public.files where deleted_at < now() - make_interval(days => $1) returning id`,
		[BIN_DAYS]
	);
	let removed = 0;
	for (;;) {
		const { rows } = await db.query<{ storage_key: string }>(
			'select storage_key from public.file_removals order by queued_at limit $1',
			[BATCH]
		);
		if (rows.length === 0) break;
		const keys = rows.map((row) => row.storage_key);
		await store.remove(keys);
		await db.query('delete from public.file_removals where storage_key = any ($1::uuid[])', [keys]);
		removed += keys.length;
		if (rows.length < BATCH) break;
	}
	return { purged: purged.rows.length, removed };
}

/** Sweeps soon after start, then every hour; the returned stop waits for a sweep under way. */
export const startSweeping = (db: Database, store: FileStore, every = 60 * 60 * 1000) =>
	startPeriodic('file sweep', () => sweepFiles(db, store), every);
