// How the processes serving one document hear each other: each publishes
// the y-websocket messages its own clients cause (changes, presence, "what
// am I missing?"), marked with their document, and applies what the others
// publish for the documents it has open (Redis: a channel per document;
// Postgres: one channel, each line naming its document). The engine is Postgres's LISTEN/NOTIFY (bus-postgres.ts) or
// Redis pub/sub (bus-redis.ts), as Hocuspocus's Redis extension does; the
// embedded database is one process by nature and needs none.
import { randomBytes } from 'node:crypto';

/** A message from another process, or null when messages may have been missed (the engine reconnected). */
export type BusHandler = (message: Uint8Array | null) => void;

export interface CollabBus {
	readonly kind: 'none' | 'postgres' | 'redis';
	/** Hears what the others publish for the document (never this process's own messages); resolves once listening. */
	subscribe(documentId: string, handler: BusHandler): Promise<() => Promise<void>>;
	/** Sends to every other process with the document open; kept and retried while the engine is away. */
	publish(documentId: string, message: Uint8Array): void;
	close(): Promise<void>;
}

/** One process alone on its database: nobody to tell. */
export const singleProcess: CollabBus = {
	kind: 'none',
	subscribe: async () => async () => {},
	publish() {},
	close: async () => {}
};

/** A name for this process on the bus, so that it can skip what it sent itself. */
export function processName(): string {
	return randomBytes(8).toString('hex');
}
