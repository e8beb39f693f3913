// One open document: its Y.Doc and awareness, the people connected to it, and
// the pending changes on their way to Postgres.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Database } from '../db/types.ts';
import { CLOSE, awarenessMessage, updateMessage } from './protocol.ts';
import { compact, loadDocument, projectText, saveAutomaticVersion, type DocumentBatch, type PendingUpdate, type StoredBatch } from './persistence.ts';
import type { UpdateWriter, Writable } from './writer.ts';
import { fragmentText } from './text.ts';
import { EntriesProjection } from './entries-projection.ts';
import { FRAGMENT } from '../../editor/fragment.ts';
import { log } from '../log.ts';

// Shorter than the activity record's 30-minute grouping, so a long session shows as one entry per half hour.
const CONTRIBUTOR_REFRESH_MS = 10 * 60_000;

export interface RoomSettings {
	/** The search text is projected at most this often while people type. */
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

export class Room implements Writable {
	readonly doc = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly peers = new Set<Peer>();
	/** Which connection speaks for each awareness client id. */
	readonly awarenessOwners = new Map<number, Peer>();

	#outgoing: { update: Uint8Array; origin: unknown }[] = [];
	#awarenessChanged = new Set<number>();
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
	/** A territorial map's entries, followed into SQL; idle in a document that has none. */
	#entries: EntriesProjection;
	#lastUpdateId = 0;
	#tailRows = 0;
	#lastCompaction = 0;
	#lastProjection = 0;
	#projectedSince = true;
	#lastVersionAt = 0;
	#changedSinceVersion = false;

	constructor(
		readonly id: string,
		private readonly db: Database,
		private readonly settings: RoomSettings,
		private readonly writer: UpdateWriter
	) {
		// The server speaks for nobody: it has no presence of its own.
		this.awareness.setLocalState(null);
		this.#entries = new EntriesProjection(id, this.doc);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#onUpdate(update, origin));
		this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
			for (const id of [...added, ...updated, ...removed]) this.#awarenessChanged.add(id);
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
		const update = batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((item) => item.update));
		sendToOthers(this.peers, new Set(batch.map((item) => item.origin)), updateMessage(update));
	}

	#broadcastAwareness() {
		if (this.#awarenessChanged.size === 0) return;
		const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.#awarenessChanged]));
		sendToOthers(this.peers, this.#awarenessOrigins, message);
		this.#awarenessChanged.clear();
		this.#awarenessOrigins.clear();
	}

	async load(): Promise<void> {
		const loaded = await loadDocument(this.db, this.id, this.doc);
		this.#lastUpdateId = loaded.lastUpdateId;
		this.#tailRows = loaded.tailRows;
		this.#lastVersionAt = loaded.lastVersionAt?.getTime() ?? Date.now();
		this.#wholeState = loaded.wholeState;
		// A map's table is checked against its entries once per load, in case a projection was lost.
		if (this.#entries.due) this.#queueMaintenance();
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
		const userId = (origin as Partial<ChangeOrigin> | null)?.userId ?? null;
		this.#pending.push({ update, userId });
		this.#projectedSince = false;
		this.#changedSinceVersion = true;
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

	stored({ lastId, rows }: StoredBatch) {
		const now = Date.now();
		for (const id of this.#recording) this.#contributors.set(id, now);
		this.#recording = [];
		this.#inFlight = null;
		this.#lastUpdateId = Math.max(this.#lastUpdateId, lastId);
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
				const wait = this.#lastProjection + this.settings.projectEveryMs - now;
				if (wait <= 0) await this.#project(now);
				// The last words typed are searchable soon, even if nobody types again.
				else this.#projectTimer ??= setTimeout(() => {
					this.#projectTimer = null;
					this.#queueMaintenance();
				}, wait);
			}
			if (this.#tailRows >= this.settings.compactAfterRows && now - this.#lastCompaction >= this.settings.compactEveryMs) {
				// Rows stored while the snapshot is written (another connection, on a
				// Postgres server) stay in the log: only those it covers leave the count.
				const covered = this.#tailRows;
				await compact(this.db, this.id, this.wholeState(), this.#lastUpdateId);
				this.#tailRows -= covered;
				this.#lastCompaction = now;
			}
			if (this.#changedSinceVersion && now - this.#lastVersionAt >= this.settings.autoVersionEveryMs) {
				await saveAutomaticVersion(this.db, this.id, this.wholeState(), this.#text());
				this.#lastVersionAt = now;
				this.#changedSinceVersion = false;
			}
		} catch (error) {
			log.error({ err: error, documentId: this.id }, 'collab: housekeeping failed');
		}
	}

	#text(): string {
		return fragmentText(this.doc.getXmlFragment(FRAGMENT));
	}

	/** The text, and a map's entry names after it, so that searching the documents finds a map by an entry. */
	#searchText(): string {
		const names = this.#entries.names();
		return names ? `${this.#text()}\n${names}` : this.#text();
	}

	get #projectionDue(): boolean {
		return !this.#projectedSince || this.#entries.due;
	}

	async #project(now: number) {
		if (!this.#projectedSince) {
			this.#projectedSince = true;
			try {
				await projectText(this.db, this.id, this.#searchText());
			} catch (error) {
				this.#projectedSince = false;
				throw error;
			}
		}
		await this.#entries.project(this.db);
		this.#lastProjection = now;
	}

	/** Makes the text equal to `state`'s, as one change by `origin` that everyone receives. */
	replaceContent(state: Uint8Array, origin: ChangeOrigin) {
		const source = new Y.Doc();
		Y.applyUpdate(source, state);
		// Tiptap never writes XmlHooks; cloning keeps elements and text only.
		const content = source
			.getXmlFragment(FRAGMENT)
			.toArray()
			.filter((node) => !(node instanceof Y.XmlHook))
			.map((node) => (node as Y.XmlElement | Y.XmlText).clone());
		const fragment = this.doc.getXmlFragment(FRAGMENT);
		this.doc.transact(() => {
			fragment.delete(0, fragment.length);
			fragment.insert(0, content);
		}, origin);
		source.destroy();
	}

	/** Projects what is due now instead of at the next turn of the throttle. */
	async projectNow(): Promise<void> {
		await this.#maintaining;
		if (this.#projectionDue) await this.#project(Date.now());
	}

	/** Stores every change and projects the latest text: what a room owes before it leaves memory. */
	async settle(): Promise<void> {
		await this.flush();
		await this.projectNow();
	}

	destroy() {
		this.writer.forget(this);
		if (this.#projectTimer) clearTimeout(this.#projectTimer);
		this.#entries.destroy();
		this.awareness.destroy();
		this.doc.destroy();
	}
}

/** A peer whose own message is the only one in a batch already has it. */
function sendToOthers(peers: Set<Peer>, origins: Set<unknown>, message: Uint8Array) {
	const skip = origins.size === 1 ? origins.values().next().value : undefined;
	for (const peer of peers) if (peer !== skip) peer.send(message);
}
