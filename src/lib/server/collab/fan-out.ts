// One open document's conversation with the other processes serving it, over
// the bus, in y-websocket's own messages (as Hocuspocus's Redis extension
// speaks them): each process publishes the changes and presence of its own
// clients; one that opens the document, or comes back after losing the bus,
// says hello: it asks the others what it lacks (sync step 1) and for their
// presence, and they answer (sync step 2, awareness) and ask it in turn what
// they lack. Until a room has heard another process it publishes nothing but
// its hello: a document open in one process alone costs the bus nothing, and
// the answers to a newcomer's hello carry all it missed. Storing stays with
// the process that received a change; applying what another process sent
// never stores it again.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { CollabBus } from './bus.ts';
import {
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SYNC,
	awarenessMessage,
	queryAwarenessMessage,
	syncStep1Message,
	syncStep2Message,
	updateMessage
} from './protocol.ts';
import { log } from '../log.ts';

/** The origin of whatever another process sent: shown to this process's clients, never stored or sent on again. */
export const REMOTE = Symbol('another process');

/** What the fan-out needs of a room. */
export interface FannedOut {
	readonly id: string;
	readonly doc: Y.Doc;
	/** Presence another process sent, applied under REMOTE. */
	applyRemoteAwareness(update: Uint8Array): void;
	/** The presence of this process's own clients, encoded, or null when it has none. */
	localAwareness(): Uint8Array | null;
	/** Brings the document up to what the database holds (after missed messages). */
	catchUp(): Promise<void>;
}

export class FanOut {
	#unsubscribe: Promise<() => Promise<void>> | null = null;
	/** Messages heard before the document was loaded, applied right after. */
	#early: Uint8Array[] | null = [];
	/** Another process has spoken on the document's channel: this one's changes are worth publishing. */
	#shared = false;

	constructor(
		private readonly room: FannedOut,
		private readonly bus: CollabBus
	) {}

	/**
	 * Listens while `load` reads the database, then asks the others for what
	 * it lacks: changes they have not stored yet, and whatever they published
	 * before this process was listening. Their presence too.
	 */
	async start(load: () => Promise<void>): Promise<void> {
		if (this.bus.kind === 'none') return load();
		this.#unsubscribe = this.bus.subscribe(this.room.id, (message) => this.#receive(message));
		await Promise.all([this.#unsubscribe, load()]);
		const early = this.#early ?? [];
		this.#early = null;
		for (const message of early) this.#handle(message);
		this.#ask();
	}

	publishUpdate(update: Uint8Array) {
		if (this.#shared) this.bus.publish(this.room.id, updateMessage(update));
	}

	publishAwareness(update: Uint8Array) {
		if (this.#shared) this.bus.publish(this.room.id, awarenessMessage(update));
	}

	stop() {
		this.#unsubscribe
			?.then((unsubscribe) => unsubscribe())
			.catch((error: unknown) => log.warn({ err: error, documentId: this.room.id }, 'collab: leaving the bus failed'));
	}

	#ask() {
		this.bus.publish(this.room.id, syncStep1Message(this.room.doc));
		this.bus.publish(this.room.id, queryAwarenessMessage());
	}

	#receive(message: Uint8Array | null) {
		if (message === null) {
			if (this.#early) return;
			// Messages were missed: the database has what was stored, the others what was not yet.
			this.room.catchUp().then(
				() => this.#ask(),
				(error: unknown) => log.error({ err: error, documentId: this.room.id }, 'collab: catching up after the bus came back failed')
			);
			return;
		}
		this.#shared = true;
		if (this.#early) this.#early.push(message);
		else this.#handle(message);
	}

	#handle(message: Uint8Array) {
		try {
			const decoder = decoding.createDecoder(message);
			switch (decoding.readVarUint(decoder)) {
				case MESSAGE_SYNC:
					return this.#sync(decoder);
				case MESSAGE_AWARENESS:
					return this.room.applyRemoteAwareness(decoding.readVarUint8Array(decoder));
				case MESSAGE_QUERY_AWARENESS: {
					// A hello: besides presence, this process may hold what the newcomer never heard (deletions included).
					const own = this.room.localAwareness();
					if (own) this.publishAwareness(own);
					this.bus.publish(this.room.id, syncStep1Message(this.room.doc));
					return;
				}
			}
		} catch (error) {
			log.error({ err: error, documentId: this.room.id }, 'collab: a message from another process could not be applied');
		}
	}

	#sync(decoder: decoding.Decoder) {
		const type = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (type === syncProtocol.messageYjsSyncStep1) {
			this.bus.publish(this.room.id, syncStep2Message(this.room.doc, payload));
			// The asker has changes this process lacks: ask back, once, since the answer leaves nothing to ask.
			if (hasMore(Y.decodeStateVector(payload), this.room.doc)) {
				this.bus.publish(this.room.id, syncStep1Message(this.room.doc));
			}
			return;
		}
		Y.applyUpdate(this.room.doc, payload, REMOTE);
	}
}

/** True when the state vector `theirs` has seen more of some client than `doc` holds. */
function hasMore(theirs: Map<number, number>, doc: Y.Doc): boolean {
	for (const [client, clock] of theirs) if (clock > Y.getState(doc.store, client)) return true;
	return false;
}
