// One writer for every open document: what people typed in the last
// flushDelayMs, across all documents, goes to Postgres in one transaction.
// A hundred busy documents cost a few writes a second, not a thousand.
import type { Database } from '../db/types.ts';
import { missingDocuments, storeBatches, type DocumentBatch, type StoredBatch } from './persistence.ts';
import { log } from '../log.ts';

/** What the writer needs of a room. */
export interface Writable {
	readonly id: string;
	/** Hands over the pending changes (they are now in flight), or null when there are none. */
	takePending(): DocumentBatch | null;
	stored(result: StoredBatch): void;
	/** The changes in flight go back in front of the queue. */
	failed(): void;
	/** The document row is gone: nothing of it can be stored. */
	deleted(): void;
}

// A document deleted while open makes the whole batch fail on its foreign key.
const FOREIGN_KEY_VIOLATION = '23503';

export class UpdateWriter {
	#dirty = new Set<Writable>();
	#timer: NodeJS.Timeout | null = null;
	#running: Promise<void> | null = null;
	#retryDelay = 0;
	#housekeeping: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly db: Database,
		private readonly settings: { flushDelayMs: number; maxRetryDelayMs: number }
	) {}

	/** Stores the room's changes with the next batch. */
	schedule(room: Writable) {
		this.#dirty.add(room);
		this.#arm(this.settings.flushDelayMs);
	}

	/**
	 * Writes every pending change now (after the batch in flight, if any).
	 * On failure the changes stay queued, a retry is armed with back-off, and
	 * the error is thrown.
	 */
	flush(): Promise<void> {
		if (this.#running) return this.#running.then(() => this.flush(), () => this.flush());
		if (this.#dirty.size === 0) return Promise.resolve();
		this.#running = this.#write().finally(() => (this.#running = null));
		return this.#running;
	}

	/**
	 * Runs a room's housekeeping (search text, compaction, versions) after the
	 * others', one room per turn of the event loop: a hundred rooms stored in
	 * one batch must not re-encode themselves in one burst while sockets wait.
	 */
	housekeep(task: () => Promise<void>): Promise<void> {
		const run = this.#housekeeping.then(() => new Promise((resolve) => setImmediate(resolve))).then(task);
		this.#housekeeping = run.catch(() => {});
		return run;
	}

	/** Forgets a room that leaves memory. */
	forget(room: Writable) {
		this.#dirty.delete(room);
	}

	stop() {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}

	#arm(delay: number) {
		this.#timer ??= setTimeout(() => {
			this.#timer = null;
			void this.flush().catch(() => {});
		}, delay);
	}

	async #write(): Promise<void> {
		const batches = new Map<Writable, DocumentBatch>();
		for (const room of this.#dirty) {
			const batch = room.takePending();
			if (batch) batches.set(room, batch);
		}
		this.#dirty.clear();
		if (batches.size === 0) return;
		try {
			const results = await storeBatches(this.db, [...batches.values()]);
			for (const room of batches.keys()) room.stored(results.get(room.id) ?? { rows: 0 });
			this.#retryDelay = 0;
		} catch (error) {
			const gone = await this.#gone(error, [...batches.keys()]);
			for (const room of batches.keys()) {
				if (gone.has(room.id)) room.deleted();
				else {
					room.failed();
					this.#dirty.add(room);
				}
			}
			if (gone.size > 0) return this.#arm(0);
			this.#retryDelay = Math.min(Math.max(this.#retryDelay * 2, 100), this.settings.maxRetryDelayMs);
			log.error({ err: error, documents: batches.size, retryInMs: this.#retryDelay }, 'collab: storing failed, retrying');
			this.#arm(this.#retryDelay);
			throw error;
		}
	}

	async #gone(error: unknown, rooms: Writable[]): Promise<Set<string>> {
		if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) return new Set();
		try {
			return new Set(await missingDocuments(this.db, rooms.map((room) => room.id)));
		} catch {
			return new Set();
		}
	}
}
