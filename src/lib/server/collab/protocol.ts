// The y-websocket wire protocol, as y-websocket's WebsocketProvider speaks it.
// Every binary message starts with a varUint message type:
//   0 sync       followed by a y-protocols sync message: step 1 (a state
//                vector: "what do you have?"), step 2 (the updates the other
//                side lacks) or an update (a live change)
//   1 awareness  an awareness update: [count, (clientID, clock, JSON state)…]
//   2 auth       permission messages (the server only ever sends these)
//   3 query      "send me every awareness state"
// Decoding here is strict: anything short, trailing or unknown throws a
// ProtocolError, and the connection that sent it is closed with the reason.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Presence } from '../../presence.ts';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export class ProtocolError extends Error {}

/** WebSocket close codes a client can act on. */
export const CLOSE = {
	unsupported: 1003,
	policy: 1008,
	tooBig: 1009,
	shuttingDown: 1001,
	/** A peer too slow to read what it is sent: it may reconnect and sync afresh. */
	tryAgainLater: 1013,
	/** The document could not be loaded: try again, nothing was served. */
	retryLater: 4000,
	malformed: 4400,
	/** The person's role or the document's status changed: the page must reload. */
	accessChanged: 4403,
	/** The document was deleted. */
	gone: 4410
} as const;


export type ClientMessage =
	| { type: 'sync-step-1'; stateVector: Uint8Array; /** A client that has nothing yet. */ empty: boolean }
	| { type: 'sync-step-2' | 'update'; update: Uint8Array }
	| { type: 'awareness'; entries: AwarenessEntry[] }
	| { type: 'query-awareness' }
	| { type: 'auth' };

export interface AwarenessEntry {
	clientID: number;
	clock: number;
	/**
	 * The state as JSON, still encoded: read only for the entries the sender
	 * speaks for. y-websocket's provider sends back every presence it receives,
	 * so most entries a server reads are someone else's, and dropped.
	 */
	json: Uint8Array;
}

/** Decodes one client message completely, or throws a ProtocolError saying what is wrong. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
	try {
		const decoder = decoding.createDecoder(data);
		const message = readMessage(decoder);
		if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the message');
		return message;
	} catch (error) {
		if (error instanceof ProtocolError) throw error;
		// lib0 throws plain Errors ("Unexpected end of array", RangeError on a
		// declared length past the end): all mean the same thing to a client.
		throw new ProtocolError(`malformed message: ${(error as Error).message}`);
	}
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
	const type = decoding.readVarUint(decoder);
	switch (type) {
		case MESSAGE_SYNC: {
			const syncType = decoding.readVarUint(decoder);
			const payload = decoding.readVarUint8Array(decoder);
			if (syncType === syncProtocol.messageYjsSyncStep1) {
				const known = Y.decodeStateVector(payload);
				return { type: 'sync-step-1', stateVector: payload, empty: known.size === 0 };
			}
			if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
				return { type: syncType === syncProtocol.messageYjsUpdate ? 'update' : 'sync-step-2', update: payload };
			}
			throw new ProtocolError(`unknown sync message ${syncType}`);
		}
		case MESSAGE_AWARENESS:
			return { type: 'awareness', entries: readAwarenessEntries(decoding.readVarUint8Array(decoder)) };
		case MESSAGE_QUERY_AWARENESS:
			return { type: 'query-awareness' };
		case MESSAGE_AUTH:
			// Clients have nothing to say here; the payload is read and ignored.
			decoding.readVarUint(decoder);
			decoding.readVarString(decoder);
			return { type: 'auth' };
		default:
			throw new ProtocolError(`unknown message type ${type}`);
	}
}

function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const entries: AwarenessEntry[] = [];
	for (let i = 0; i < count; i++) {
		const clientID = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		entries.push({ clientID, clock, json: decoding.readVarUint8Array(decoder) });
	}
	if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the awareness update');
	return entries;
}

const utf8 = new TextDecoder();

function awarenessState({ json }: AwarenessEntry): Record<string, unknown> | null {
	let state: unknown;
	try {
		state = JSON.parse(utf8.decode(json));
	} catch {
		throw new ProtocolError('an awareness state must be JSON');
	}
	if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
		throw new ProtocolError('an awareness state must be an object or null');
	}
	return state as Record<string, unknown> | null;
}

/** Throws a ProtocolError unless `update` decodes as a Yjs update: checked before it touches the document. */
export function assertValidUpdate(update: Uint8Array): void {
	try {
		Y.decodeUpdate(update);
	} catch (error) {
		throw new ProtocolError(`malformed Yjs update: ${(error as Error).message}`);
	}
}

/**
 * The entries as they will be shared: each live state carries the presence
 * the server knows from the session, whatever the client claimed.
 */
export function encodeAwarenessEntries(entries: AwarenessEntry[], presence: Presence): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const entry of entries) {
		const state = awarenessState(entry);
		encoding.writeVarUint(encoder, entry.clientID);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, JSON.stringify(state === null ? null : { ...state, user: presence }));
	}
	return encoding.toUint8Array(encoder);
}

export function syncStep1Message(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

export function syncStep2Message(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return encoding.toUint8Array(encoder);
}

/** Sync step 2 carrying a whole document the caller already has encoded. */
export function wholeDocumentMessage(state: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
	encoding.writeVarUint8Array(encoder, state);
	return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function queryAwarenessMessage(): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_QUERY_AWARENESS);
	return encoding.toUint8Array(encoder);
}

export function awarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessUpdate);
	return encoding.toUint8Array(encoder);
}
