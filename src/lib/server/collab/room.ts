// One open document: its Y.Doc and awareness, the people connected to it, and
// the pending changes on their way to Postgres.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Database } from '../db/types.ts';
import { CLOSE, awarenessMessage, updateMessage } from './protocol.ts';
import { compact, loadDocument, projectText, saveAutomaticVersion, storeUpdates, type PendingUpdate } from './persistence.ts';
import { fragmentText } from './text.ts';
import { FRAGMENT } from '../../editor/fragment.ts';


export interface RoomSettings {
	/** Changes reach Postgres within this delay (the target is 500 ms). */
	flushDelayMs: number;
	/** Retries of a failed store back off up to this delay. */
	maxRetryDelayMs: number;
	/** The search text is projected at most this often while people type. */
	projectEveryMs: number;
	/** The log is folded into the snapshot after this many rows. */
	compactAfterRows: number;
	/** An automatic version is kept after this long of changes. */
	autoVersionEveryMs: number;
}

export interface Peer {
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
}

// The document row is gone (deleted, or its network was): its changes have nowhere to go.
const FOREIGN_KEY_VIOLATION = '23503';

/** Who caused a change: a connected person, or the server acting for one. */
export interface ChangeOrigin {
	userId: string;
}

export class Room {
	readonly doc = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly peers = new Set<Peer>();
	problems: string[] = [];

	#pending: PendingUpdate[] = [];
	#flushTimer: NodeJS.Timeout | null = null;
	#flushing: Promise<void> | null = null;
	#retryDelay = 0;
	#lastUpdateId = 0;
	#tailRows = 0;
	#lastProjection = 0;
	#projectedSince = true;
	#lastVersionAt = 0;
	#changedSinceVersion = false;

	constructor(
		readonly id: string,
		private readonly db: Database,
		private readonly settings: RoomSettings
	) {
		// The server speaks for nobody: it has no presence of its own.
		this.awareness.setLocalState(null);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#onUpdate(update, origin));
		this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
			const changed = [...added, ...updated, ...removed];
			const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
			for (const peer of this.peers) if (peer !== origin) peer.send(message);
		});
	}

	async load(): Promise<void> {
		const loaded = await loadDocument(this.db, this.id, this.doc);
		this.#lastUpdateId = loaded.lastUpdateId;
		this.#tailRows = loaded.tailRows;
		this.#lastVersionAt = loaded.lastVersionAt?.getTime() ?? Date.now();
		this.problems = loaded.problems;
	}

	/** True while changes wait for Postgres: such a room must stay in memory. */
	get dirty(): boolean {
		return this.#pending.length > 0 || this.#flushing !== null;
	}

	#onUpdate(update: Uint8Array, origin: unknown) {
		if (origin === 'load') return;
		const message = updateMessage(update);
		for (const peer of this.peers) if (peer !== origin) peer.send(message);
		const userId = (origin as Partial<ChangeOrigin> | null)?.userId ?? null;
		this.#pending.push({ update, userId });
		this.#projectedSince = false;
		this.#changedSinceVersion = true;
		this.#schedule(this.settings.flushDelayMs);
	}

	#schedule(delay: number) {
		this.#flushTimer ??= setTimeout(() => {
			this.#flushTimer = null;
			// Changes first; once they are stored, the text left to project.
			void (this.#pending.length > 0 ? this.flush() : this.settle()).catch(() => {});
		}, delay);
	}

	/**
	 * Stores every pending change. On failure the changes go back in the
	 * queue, a retry is scheduled with back-off, and the error is thrown.
	 */
	flush(): Promise<void> {
		if (this.#flushing) return this.#flushing.then(() => this.flush());
		if (this.#pending.length === 0) return Promise.resolve();
		this.#flushing = this.#store().finally(() => (this.#flushing = null));
		return this.#flushing;
	}

	async #store(): Promise<void> {
		const batch = this.#pending;
		this.#pending = [];
		const now = Date.now();
		const text = now - this.#lastProjection >= this.settings.projectEveryMs ? fragmentText(this.doc.getXmlFragment(FRAGMENT)) : null;
		try {
			this.#lastUpdateId = await storeUpdates(this.db, { documentId: this.id, updates: batch, text });
			this.#tailRows += new Set(batch.map((u) => u.userId)).size;
			if (text !== null) {
				this.#lastProjection = now;
				this.#projectedSince = this.#pending.length === 0;
			}
			this.#retryDelay = 0;
		} catch (error) {
			if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return this.#deleted();
			this.#pending = batch.concat(this.#pending);
			this.#retryDelay = Math.min(Math.max(this.#retryDelay * 2, 100), this.settings.maxRetryDelayMs);
			console.error(`collab: storing document ${this.id} failed, retrying in ${this.#retryDelay} ms`, error);
			this.#schedule(this.#retryDelay);
			throw error;
		}
		if (this.#pending.length > 0) this.#schedule(this.settings.flushDelayMs);
		else if (!this.#projectedSince) this.#schedule(this.settings.projectEveryMs);
		await this.#maintain(now);
	}

	#deleted() {
		this.#pending = [];
		this.#projectedSince = true;
		for (const peer of this.peers) peer.close(CLOSE.gone, 'this document was deleted');
	}

	// Compaction and automatic versions are housekeeping: if they fail, the
	// changes are already safe in the log and the next store tries again.
	async #maintain(now: number) {
		try {
			if (this.#tailRows >= this.settings.compactAfterRows) {
				await compact(this.db, this.id, Y.encodeStateAsUpdate(this.doc), this.#lastUpdateId);
				this.#tailRows = 0;
			}
			if (this.#changedSinceVersion && now - this.#lastVersionAt >= this.settings.autoVersionEveryMs) {
				const fragment = this.doc.getXmlFragment(FRAGMENT);
				await saveAutomaticVersion(this.db, this.id, Y.encodeStateAsUpdate(this.doc), fragmentText(fragment));
				this.#lastVersionAt = now;
				this.#changedSinceVersion = false;
			}
		} catch (error) {
			console.error(`collab: housekeeping of document ${this.id} failed`, error);
		}
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

	/** Stores every change and projects the latest text: what a room owes before it leaves memory. */
	async settle(): Promise<void> {
		await this.flush();
		if (this.#projectedSince) return;
		this.#projectedSince = true;
		try {
			await projectText(this.db, this.id, fragmentText(this.doc.getXmlFragment(FRAGMENT)));
			this.#lastProjection = Date.now();
		} catch (error) {
			this.#projectedSince = false;
			throw error;
		}
	}

	destroy() {
		if (this.#flushTimer) clearTimeout(this.#flushTimer);
		this.awareness.destroy();
		this.doc.destroy();
	}
}
