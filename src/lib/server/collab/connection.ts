// One person's socket on one document. Who may write is decided here: a
// read-only connection's document updates are dropped, whichever message
// carries them, while its awareness (presence, caret) still flows.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket, RawData } from 'ws';
import type { Admission } from './auth.ts';
import {
	CLOSE,
	ProtocolError,
	assertValidUpdate,
	awarenessMessage,
	decodeClientMessage,
	encodeAwarenessEntries,
	syncStep1Message,
	syncStep2Message,
	wholeDocumentMessage,
	type AwarenessEntry
} from './protocol.ts';
import type { Peer, Room } from './room.ts';
import { log } from '../log.ts';

export interface ConnectionLimits {
	/** Messages per second a connection may send, averaged over a burst. */
	messagesPerSecond: number;
	messageBurst: number;
	/** A client may speak for this many awareness client ids (one per tab, normally). */
	maxClientIds: number;
	/** A peer that does not read its socket is cut off beyond this many queued bytes. */
	maxBufferedBytes: number;
}

export class Connection implements Peer {
	/** Awareness client ids this socket speaks for: nobody else may update them. */
	readonly clientIds = new Set<number>();
	alive = true;
	#tokens: number;
	#refilledAt = Date.now();
	#closed = false;

	constructor(
		readonly socket: WebSocket,
		readonly room: Room,
		readonly admission: Admission,
		private readonly limits: ConnectionLimits,
		private readonly onClose: (connection: Connection) => void
	) {
		this.#tokens = limits.messageBurst;
		socket.on('message', (data, isBinary) => this.#receive(data, isBinary));
		socket.on('pong', () => (this.alive = true));
		socket.on('close', () => this.#release());
		socket.on('error', () => this.#release());
		this.send(syncStep1Message(room.doc));
		if (room.awareness.getStates().size > 0) this.#sendAwarenessStates();
	}

	/** The change origin for what this connection writes. */
	get userId() {
		return this.admission.user.id;
	}

	send(message: Uint8Array) {
		if (this.#closed || this.socket.readyState !== this.socket.OPEN) return;
		if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
			this.close(CLOSE.tryAgainLater, 'too slow to keep up; reconnect');
			return;
		}
		this.socket.send(message, { binary: true });
	}

	close(code: number, reason: string) {
		if (this.#closed) return;
		// A close reason may hold at most 123 bytes.
		this.socket.close(code, Buffer.from(reason).subarray(0, 123).toString());
		this.#release();
	}

	#receive(data: RawData, isBinary: boolean) {
		if (this.#closed) return;
		if (!isBinary) return this.close(CLOSE.unsupported, 'binary messages only');
		if (!this.#takeToken()) return this.close(CLOSE.policy, 'too many messages');
		try {
			this.#handle(decodeClientMessage(toBytes(data)));
		} catch (error) {
			const reason = error instanceof ProtocolError ? error.message : 'message could not be applied';
			if (!(error instanceof ProtocolError)) log.error({ err: error, documentId: this.room.id }, 'collab: message failed');
			this.close(CLOSE.malformed, reason);
		}
	}

	#handle(message: ReturnType<typeof decodeClientMessage>) {
		switch (message.type) {
			case 'sync-step-1':
				this.send(message.empty ? wholeDocumentMessage(this.room.wholeState()) : syncStep2Message(this.room.doc, message.stateVector));
				return;
			case 'sync-step-2':
			case 'update':
				if (this.admission.readOnly) return;
				assertValidUpdate(message.update);
				Y.applyUpdate(this.room.doc, message.update, this);
				return;
			case 'awareness':
				this.#applyAwareness(message.entries);
				return;
			case 'query-awareness':
				this.#sendAwarenessStates();
				return;
			case 'auth':
				return;
		}
	}

	// A client speaks only for the awareness ids it introduced (or, come from
	// another process, for its own person's id there), and always under the
	// name and colour the server knows from its session.
	#applyAwareness(entries: AwarenessEntry[]) {
		const owners = this.room.awarenessOwners;
		const own = entries.filter(({ clientID }) => {
			const owner = owners.get(clientID);
			if (owner && !this.room.movedHere(clientID, this.userId)) return owner === this;
			if (this.clientIds.size >= this.limits.maxClientIds) return false;
			this.clientIds.add(clientID);
			owners.set(clientID, this);
			return true;
		});
		if (own.length === 0) return;
		awarenessProtocol.applyAwarenessUpdate(this.room.awareness, encodeAwarenessEntries(own, this.admission.presence), this);
	}

	#takeToken(): boolean {
		const now = Date.now();
		const { messagesPerSecond, messageBurst } = this.limits;
		this.#tokens = Math.min(messageBurst, this.#tokens + ((now - this.#refilledAt) / 1000) * messagesPerSecond);
		this.#refilledAt = now;
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}

	/** Everyone's presence in the document, as a newcomer or a query needs it. */
	#sendAwarenessStates() {
		const { awareness } = this.room;
		this.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()])));
	}

	#release() {
		if (this.#closed) return;
		this.#closed = true;
		for (const id of this.clientIds) this.room.awarenessOwners.delete(id);
		if (this.clientIds.size > 0) awarenessProtocol.removeAwarenessStates(this.room.awareness, [...this.clientIds], this);
		this.onClose(this);
	}
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return Buffer.concat(data);
	return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
