// One open document: its Y.Doc and awareness, the people connected to it, and
// the pending changes on their way to Postgres.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import type { Database } from '../db/types.ts';
import { CLOSE, awarenessMessage, updateMessage } from './protocol.ts';
import {
	compact,
	inTurn,
	loadDocument,
	projectText,
	saveAutomaticVersion,
	type DocumentBatch,
	type PendingUpdate,
	type StoredBatch
} from './persistence.ts';
import type { UpdateWriter, Writable } from './writer.ts';
import { fragmentText } from './text.ts';
import { replaceContent } from './replace-content.ts';
import type { Projection } from './projection.ts';
import { structuredProjections, structuredSearchText } from './projections.ts';
import { FRAGMENT } from '../../editor/fragment.ts';
import { log } from '../log.ts';
import type { CollabBus } from './bus.ts';
import { FanOut, REMOTE, type FannedOut } from './fan-out.ts';

// Shorter than the activity record's 30-minute grouping, so a long session shows as one entry per half hour.
const CONTRIBUTOR_REFRESH_MS = 10 * 60_000;

export interface RoomSettings {
	/**
	 * The search text (and the structured part: a map's entries, a pact's
	 * commitments) is projected once the document has rested this long after
	 * a change…
	 */
	projectAfterQuietMs: number;
	/**
	 * …and at least this often while people keep typing. Projecting a long text
	 * costs Postgres a few ms (its stored tsvector and GIN entry): every few
	 * seconds for every document being typed in, that was most of its work.
	 */
	projectEveryMs: number;
	/** The log is folded into the snapshot after this many rows… */
	compactAfterRows: number;
	/** …and at most this often, so a busy document is not re-encoded on every store. */
	compactEveryMs: number;
	/** An automatic version is kept after this long of changes. */
	autoVersionEveryMs: number;
}

export interface Peer {
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
}

/** Who caused a change: a connected person, or the server acting for one. */
export interface ChangeOrigin {
	userId: string;
}

/** Speaks for the awareness client ids of another process's clients, so that no local socket may take them. */
const remotePeer: Peer = { send() {}, close() {} };

export class Room implements Writable, FannedOut {
	readonly doc = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly peers = new Set<Peer>();
	/** Which connection speaks for each awareness client id. */
	readonly awarenessOwners = new Map<number, Peer>();

	#outgoing: { update: Uint8Array; origin: unknown }[] = [];
	#awarenessChanged = new Set<number>();
	/** Changed by this process's own clients: the others are told. */
	#awarenessChangedHere = new Set<number>();
	#awarenessOrigins = new Set<unknown>();
	#broadcastScheduled = false;
	/** The whole document as one update, kept while nothing changes. */
	#wholeState: Uint8Array | null = null;
	#pending: PendingUpdate[] = [];
	/** Changes handed to the writer and not yet confirmed stored. */
	#inFlight: PendingUpdate[] | null = null;
	/**
	 * When each author was last recorded in document_contributors while the
	 * room is open: again every CONTRIBUTOR_REFRESH_MS while they go on
	 * writing, which is what the activity record groups edits by.
	 */
	#contributors = new Map<string, number>();
	/** The contributors the batch in flight records. */
	#recording: string[] = [];
	#maintaining: Promise<void> = Promise.resolve();
	#maintenanceQueued = false;
	#projectTimer: NodeJS.Timeout | null = null;
	/** The structured parts (a map's entries, a pact's commitments), each followed into SQL; idle in a document that has none. */
	#projections: Projection[];
	#fanOut: FanOut;
	/** Log rows this process knows of since the last compaction: a hint of when to try one. */
	#tailRows = 0;
	#lastCompaction = 0;
	#lastProjection = 0;
	#lastChange = 0;
	#projectedSince = true;
	#lastVersionAt = 0;
	#changedSinceVersion = false;
	/** Holds changes another process sent, which that process may not live to store: folded in before the room leaves memory. */
	#heldForOthers = false;

	constructor(
		readonly id: string,
		private readonly db: Database,
		private readonly settings: RoomSettings,
		private readonly writer: UpdateWriter,
		bus: CollabBus
	) {
		// The server speaks for nobody: it has no presence of its own.
		this.awareness.setLocalState(null);
		this.#projections = structuredProjections(id, this.doc);
		this.#fanOut = new FanOut(this, bus);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#onUpdate(update, origin));
		this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
			const changed = [...added, ...updated, ...removed];
			for (const id of changed) this.#awarenessChanged.add(id);
			// A state another process sent, or one it stopped renewing (it may have died), is its own business.
			if (origin !== REMOTE && origin !== 'timeout') for (const id of changed) this.#awarenessChangedHere.add(id);
			for (const id of removed) if (this.awarenessOwners.get(id) === remotePeer) this.awarenessOwners.delete(id);
			this.#awarenessOrigins.add(origin);
			this.#scheduleBroadcast();
		});
	}

	// What arrives in one turn of the event loop goes out once, after it: under
	// load many messages come in one read, and every peer then gets one merged
	// update and one awareness message instead of one per sender.
	#scheduleBroadcast() {
		if (this.#broadcastScheduled) return;
		this.#broadcastScheduled = true;
		setImmediate(() => {
			this.#broadcastScheduled = false;
			this.#broadcastUpdates();
			this.#broadcastAwareness();
		});
	}

	#broadcastUpdates() {
		const batch = this.#outgoing;
		if (batch.length === 0) return;
		this.#outgoing = [];
		const update = merged(batch);
		sendToOthers(this.peers, new Set(batch.map((item) => item.origin)), updateMessage(update));
		const here = batch.filter((item) => item.origin !== REMOTE);
		if (here.length > 0) this.#fanOut.publishUpdate(here.length === batch.length ? update : merged(here));
	}

	#broadcastAwareness() {
		if (this.#awarenessChanged.size === 0) return;
		const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.#awarenessChanged]));
		sendToOthers(this.peers, this.#awarenessOrigins, message);
		if (this.#awarenessChangedHere.size > 0) {
			this.#fanOut.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.#awarenessChangedHere]));
		}
		this.#awarenessChanged.clear();
		this.#awarenessChangedHere.clear();
		this.#awarenessOrigins.clear();
	}

	/** Loads the stored document, and hears the other processes serving it. */
	load(): Promise<void> {
		return this.#fanOut.start(async () => {
			const loaded = await loadDocument(this.db, this.id, this.doc);
			this.#tailRows = loaded.tailRows;
			this.#lastVersionAt = loaded.lastVersionAt?.getTime() ?? Date.now();
			this.#wholeState = loaded.wholeState;
			// A structured part's table is checked against its items once per load, in case a projection was lost.
			if (this.#structuredDue) this.#queueMaintenance();
		});
	}

	async catchUp(): Promise<void> {
		const stored = new Y.Doc();
		try {
			await loadDocument(this.db, this.id, stored);
			Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(stored), REMOTE);
		} finally {
			stored.destroy();
		}
	}

	applyRemoteAwareness(update: Uint8Array) {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		for (let i = 0; i < count; i++) {
			const clientID = decoding.readVarUint(decoder);
			decoding.readVarUint(decoder);
			const state = JSON.parse(decoding.readVarString(decoder)) as unknown;
			const owner = this.awarenessOwners.get(clientID);
			// Random 32-bit ids: should another process's client share one with ours, ours keeps it and this message is dropped.
			if (owner && owner !== remotePeer) return;
			if (state === null) this.awarenessOwners.delete(clientID);
			else this.awarenessOwners.set(clientID, remotePeer);
		}
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
	}

	/**
	 * True when another process speaks for the awareness id, for `userId`: the
	 * person's tab has come here from it (killed, or left by the load
	 * balancer), and its own presence would otherwise be refused until the
	 * stale one timed out. That process's server stamped the id's user.
	 */
	movedHere(clientID: number, userId: string): boolean {
		const state = this.awareness.getStates().get(clientID) as { user?: { id?: unknown } } | undefined;
		return this.awarenessOwners.get(clientID) === remotePeer && state?.user?.id === userId;
	}

	localAwareness(): Uint8Array | null {
		const states = this.awareness.getStates();
		const ids = [...this.awarenessOwners].filter(([id, owner]) => owner !== remotePeer && states.has(id)).map(([id]) => id);
		return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null;
	}

	/** True while changes wait for Postgres: such a room must stay in memory. */
	get dirty(): boolean {
		return this.#pending.length > 0 || this.#inFlight !== null;
	}

	/**
	 * The whole document as one update, for a client that has nothing yet
	 * and for compaction: encoded once while nothing changes (right after a
	 * cold load, the stored snapshot itself), not once per client.
	 */
	wholeState(): Uint8Array {
		return (this.#wholeState ??= Y.encodeStateAsUpdate(this.doc));
	}

	#onUpdate(update: Uint8Array, origin: unknown) {
		if (origin === 'load') return;
		this.#wholeState = null;
		this.#outgoing.push({ update, origin });
		this.#scheduleBroadcast();
		this.#changedSinceVersion = true;
		// The process that received a change stores and projects it; here it is only shown.
		if (origin === REMOTE) {
			this.#heldForOthers = true;
			return;
		}
		this.#projectedSince = false;
		this.#lastChange = Date.now();
		const userId = (origin as Partial<ChangeOrigin> | null)?.userId ?? null;
		this.#pending.push({ update, userId });
		this.writer.schedule(this);
	}

	takePending(): DocumentBatch | null {
		if (this.#pending.length === 0) return null;
		this.#inFlight = this.#pending;
		this.#pending = [];
		const authors = new Set(this.#inFlight.map((u) => u.userId).filter((id): id is string => id !== null));
		const due = Date.now() - CONTRIBUTOR_REFRESH_MS;
		const newContributors = [...authors].filter((id) => (this.#contributors.get(id) ?? -Infinity) < due);
		this.#recording = newContributors;
		return { documentId: this.id, updates: this.#inFlight, newContributors };
	}

	stored({ rows }: StoredBatch) {
		const now = Date.now();
		for (const id of this.#recording) this.#contributors.set(id, now);
		this.#recording = [];
		this.#inFlight = null;
		this.#tailRows += rows;
		this.#queueMaintenance();
	}

	#queueMaintenance() {
		if (this.#maintenanceQueued) return;
		this.#maintenanceQueued = true;
		this.#maintaining = this.writer.housekeep(() => {
			this.#maintenanceQueued = false;
			return this.#maintain();
		});
	}

	failed() {
		this.#pending = (this.#inFlight ?? []).concat(this.#pending);
		this.#inFlight = null;
	}

	deleted() {
		this.#pending = [];
		this.#inFlight = null;
		this.#projectedSince = true;
		for (const peer of this.peers) peer.close(CLOSE.gone, 'this document was deleted');
	}

	/** Stores every pending change (with everyone else's); throws if the database refuses, and the writer retries. */
	async flush(): Promise<void> {
		if (this.dirty) await this.writer.flush();
	}

	// Search text, compaction and automatic versions are housekeeping: if they
	// fail, the changes are already safe in the log and the next store retries.
	async #maintain() {
		const now = Date.now();
		try {
			if (this.#projectionDue) {
				const { projectAfterQuietMs, projectEveryMs } = this.settings;
				const wait = Math.min(this.#lastChange + projectAfterQuietMs, this.#lastProjection + projectEveryMs) - now;
				if (wait <= 0) await this.#project(now);
				// The last words typed are searchable soon, even if nobody types again
				// (and if another process was projecting, this one looks again then).
				if (this.#projectionDue) this.#projectTimer ??= setTimeout(() => {
					this.#projectTimer = null;
					this.#queueMaintenance();
				}, wait > 0 ? wait : projectAfterQuietMs);
			}
			if (this.#tailRows >= this.settings.compactAfterRows && now - this.#lastCompaction >= this.settings.compactEveryMs) {
				// Rows this process stores meanwhile count for the next one.
				const counted = this.#tailRows;
				const left = await compact(this.db, this.id, this.wholeState(), this.settings.compactAfterRows);
				if (left !== null) this.#tailRows += left - counted;
				this.#lastCompaction = now;
			}
			if (this.#changedSinceVersion && now - this.#lastVersionAt >= this.settings.autoVersionEveryMs) {
				const latest = await saveAutomaticVersion(this.db, this.id, this.wholeState(), this.#text(), this.settings.autoVersionEveryMs);
				if (latest) {
					this.#lastVersionAt = latest.getTime();
					this.#changedSinceVersion = false;
				}
			}
		} catch (error) {
			log.error({ err: error, documentId: this.id }, 'collab: housekeeping failed');
		}
	}

	#text(): string {
		return fragmentText(this.doc.getXmlFragment(FRAGMENT));
	}

	/**
	 * The text, and after it what the structured parts add (a map's entry
	 * names, a pact's commitment titles), so that searching the documents
	 * finds a map by an entry and a pact by a commitment.
	 */
	#searchText(): string {
		return [this.#text(), structuredSearchText(this.doc)].filter(Boolean).join('\n');
	}

	get #structuredDue(): boolean {
		return this.#projections.some((projection) => projection.due);
	}

	get #projectionDue(): boolean {
		return !this.#projectedSince || this.#structuredDue;
	}

	async #project(now: number) {
		if (!this.#projectedSince) {
			this.#projectedSince = true;
			let done = false;
			try {
				done = (await inTurn(this.db, 'text', this.id, (tx) => projectText(tx, this.id, this.#searchText()))) !== null;
			} finally {
				if (!done) this.#projectedSince = false;
			}
		}
		for (const projection of this.#projections) await projection.project(this.db);
		this.#lastProjection = now;
	}

	/** Makes the text equal to `state`'s, as one change by `origin` that everyone receives. */
	replaceContent(state: Uint8Array, origin: ChangeOrigin) {
		replaceContent(this.doc, state, origin);
	}

	/** Projects what is due now instead of at the next turn of the throttle. */
	async projectNow(): Promise<void> {
		await this.#maintaining;
		if (this.#projectionDue) await this.#project(Date.now());
	}

	/**
	 * Stores every change and projects the latest text: what a room owes before
	 * it leaves memory. A process killed between sending its clients' changes
	 * and storing them leaves them only in the others' memory (and changes
	 * stored here after them would not load without them), so a room that
	 * holds changes from another process folds all it holds into the snapshot
	 * too; those already stored change nothing.
	 */
	async settle(): Promise<void> {
		await this.flush();
		await this.projectNow();
		if (!this.#heldForOthers) return;
		this.#heldForOthers = false;
		const left = await compact(this.db, this.id, this.wholeState(), 0).catch((error: unknown) => {
			this.#heldForOthers = true;
			throw error;
		});
		if (left === null) {
			this.#heldForOthers = true;
			throw new Error('another process is compacting the document; trying again');
		}
	}

	destroy() {
		this.#fanOut.stop();
		this.writer.forget(this);
		if (this.#projectTimer) clearTimeout(this.#projectTimer);
		for (const projection of this.#projections) projection.destroy();
		this.awareness.destroy();
		this.doc.destroy();
	}
}

function merged(batch: { update: Uint8Array }[]): Uint8Array {
	return batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((item) => item.update));
}

/** A peer whose own message is the only one in a batch already has it. */
function sendToOthers(peers: Set<Peer>, origins: Set<unknown>, message: Uint8Array) {
	const skip = origins.size === 1 ? origins.values().next().value : undefined;
	for (const peer of peers) if (peer !== skip) peer.send(message);
}
