import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { invalidateAll } from '$app/navigation';
import type { Presence } from '$lib/presence';
import { INITIAL_CONNECTION, nextConnection, shouldReconnect, type ConnectionEvent, type ConnectionState } from './connection.ts';
import { peopleHere, type PersonHere } from './people.ts';
import { localCopyName, markSynced, markUnsynced } from './local-copies.ts';

/** The collab socket's address on this host: /collab/<documentId> once the provider appends the room. */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'>): string {
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/**
 * One person's live link to one document: the shared Y.Doc, the socket to
 * the collab server, and the browser's own copy in IndexedDB, so that typing
 * goes on when the connection drops and merges when it returns. Its $state
 * fields are what the page shows: the connection and who is here.
 */
export class CollaborationSession {
	connection = $state<ConnectionState>(INITIAL_CONNECTION);
	people = $state<PersonHere[]>([]);
	/** True once the server's copy (or, offline, the browser's) has been merged in. */
	ready = $state(false);

	readonly doc: Y.Doc;
	readonly provider: WebsocketProvider;
	readonly local: IndexeddbPersistence;
	readonly #self: Presence;
	readonly #cleanups: (() => void)[] = [];
	#destroyed = false;

	constructor(opened: { id: string; title: string }, self: Presence) {
		const documentId = opened.id;
		this.#self = self;
		this.doc = new Y.Doc();
		// Edits made offline in an earlier visit come back from IndexedDB; whether
		// they load before or after the socket's first sync, the provider sends
		// every update it did not receive itself, so they reach the server. The
		// copy is this person's own: nobody else signing in here loads it.
		this.local = new IndexeddbPersistence(localCopyName(self.id, documentId), this.doc);
		this.provider = new WebsocketProvider(collabUrl(window.location), documentId, this.doc, {
			shouldReconnect
		});

		this.#on(this.provider, 'status', ({ status }: { status: string }) => {
			if (status === 'connecting') this.#dispatch({ type: 'socket-connecting' });
			if (status === 'connected') {
				this.#forgetPeers();
				this.#dispatch({ type: 'socket-open' });
			}
		});
		this.#on(this.provider, 'sync', (synced: boolean) => {
			if (!synced) return;
			this.#dispatch({ type: 'synced' });
			// Syncing sent the server whatever it lacked of this copy.
			markSynced(self.id, documentId);
		});
		// An edit of this person's that no open socket carries is listed, so that
		// signing out can say what would be lost.
		this.#on(this.doc, 'update', (_update: Uint8Array, origin: unknown) => {
			if (origin === this.provider || origin === this.local) return;
			if (!(this.provider.wsconnected && this.provider.synced)) markUnsynced(self.id, { id: documentId, title: opened.title, path: location.pathname });
		});
		// Fired for every socket that closes, with the server's close code or
		// null when the browser closed it itself; 'status: disconnected' adds nothing.
		this.#on(this.provider, 'connection-close', (event: CloseEvent | null) => {
			this.#dispatch({ type: 'socket-closed', code: event?.code ?? null });
		});
		this.#on(this.local, 'synced', () => this.#dispatch({ type: 'saved-locally' }));

		const refreshPeople = () => {
			this.people = peopleHere(this.provider.awareness.getStates(), self.id);
		};
		this.#on(this.provider.awareness, 'change', refreshPeople);
		refreshPeople();

		// The browser knows before the socket does that the network is gone: stop
		// sending into the void, and reconnect the moment it is back.
		const offline = () => {
			this.#dispatch({ type: 'browser-offline' });
			this.provider.disconnect();
		};
		const online = () => {
			this.#dispatch({ type: 'browser-online' });
			if (this.connection.status !== 'error') this.provider.connect();
		};
		window.addEventListener('offline', offline);
		window.addEventListener('online', online);
		this.#cleanups.push(() => {
			window.removeEventListener('offline', offline);
			window.removeEventListener('online', online);
		});
		if (!navigator.onLine) offline();
	}

	/** This person, as the awareness entry the caret extension publishes. */
	get self(): Presence {
		return this.#self;
	}

	#dispatch(event: ConnectionEvent) {
		const before = this.connection;
		this.connection = nextConnection(before, event);
		if (this.connection.error === 'access_changed' && before.error !== 'access_changed') void this.#recheckAccess();
		const { status, savedLocally } = this.connection;
		if (status === 'connected' || ((status === 'offline' || status === 'error') && savedLocally)) this.ready = true;
	}

	// y-websocket, y-indexeddb and y-protocols each type their observers differently.
	#on(target: { on: Function; off: Function }, name: string, handler: (...args: never[]) => void) {
		target.on(name, handler);
		this.#cleanups.push(() => target.off(name, handler));
	}

	/**
	 * After a drop, y-websocket removes the other people's awareness states but
	 * keeps their clocks; when the server sends those same states again on
	 * reconnecting, y-protocols ignores them as not newer, and the presence
	 * list stays empty until each peer's next 15-second renewal. Forgetting the
	 * clocks of people no longer shown lets the server's copy in at once.
	 */
	#forgetPeers() {
		const { awareness } = this.provider;
		for (const clientId of [...awareness.meta.keys()]) {
			if (clientId !== awareness.clientID && !awareness.states.has(clientId)) awareness.meta.delete(clientId);
		}
	}

	/**
	 * The server closed the socket because this person's rights changed (a
	 * new role, the document approved or reopened): the page asks again what
	 * they may do, which makes the editor read-only or writable, and the
	 * socket reopens with those rights. No rights left shows the page's error.
	 */
	async #recheckAccess() {
		await invalidateAll();
		if (this.#destroyed) return;
		this.#dispatch({ type: 'access-rechecked' });
		this.provider.connect();
	}

	/** Leaves the document: others see this person go at once, and nothing keeps running. */
	destroy() {
		this.#destroyed = true;
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
		this.provider.awareness.setLocalState(null);
		this.provider.destroy();
		void this.local.destroy();
		this.doc.destroy();
	}
}
