import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type * as Y from 'yjs';

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
	 * Applies a change to the document as `userId` (who must already have
	 * been found allowed to write it, as the person): `apply` receives the
	 * live Y.Doc and the origin to pass to its transactions, and what it
	 * returns is answered once the change is stored. Everyone sees it live;
	 * if storing fails, the change stays (the writer retries) and this throws.
	 */
	change<T>(documentId: string, userId: string, apply: (doc: Y.Doc, origin: unknown) => T): Promise<T>;
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
