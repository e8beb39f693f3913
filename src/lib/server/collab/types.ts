import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** What the rest of the app may ask of the collaboration server. */
export interface CollabServer {
	/** Takes an HTTP upgrade for /collab/<documentId>; false when the path is not ours. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** The document's current Yjs state, loaded from the database when it is not open. */
	encodeState(documentId: string): Promise<Uint8Array>;
	/**
	 * Makes the document's content equal to `state`'s as one new change by
	 * `userId`, seen live by everyone: history is added to, never rewritten.
	 */
	restore(documentId: string, state: Uint8Array, userId: string): Promise<void>;
	/**
	 * Brings an open document's SQL projections (search text, map entries) up
	 * to date, for a reader who must not be a few seconds behind, such as an
	 * export. A document that is not open settled before it left memory.
	 */
	project(documentId: string): Promise<void>;
	/** Stores every pending change, closes every socket. */
	close(): Promise<void>;
	stats(): { documents: number; connections: number };
}
