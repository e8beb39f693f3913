// A territorial map's entries as the page shows them: read from the shared
// Y.Doc and refreshed whenever anybody's change arrives, and the changes a
// person makes, written to the same Y.Doc so they merge and work offline.
import type * as Y from 'yjs';
import type { MapEntry } from './entry.ts';
import { entriesMap, patchEntry, putEntries, readEntries, removeEntries, type EntryPatch } from './entries-doc.ts';

export class MapEntries {
	/** Every well-formed entry, sorted by name. */
	all = $state.raw<MapEntry[]>([]);
	/** Stored entries that are not well-formed, left out of every view. */
	malformed = $state(0);

	readonly #doc: Y.Doc;
	readonly #stop: () => void;
	#queued = false;

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		const map = entriesMap(doc);
		// Many changes in one burst (an import, a sync after being offline) refresh once.
		const changed = () => {
			if (this.#queued) return;
			this.#queued = true;
			queueMicrotask(() => {
				this.#queued = false;
				this.#refresh();
			});
		};
		map.observeDeep(changed);
		this.#stop = () => map.unobserveDeep(changed);
		this.#refresh();
	}

	#refresh() {
		const { entries, malformed } = readEntries(this.#doc);
		this.all = entries.sort((a, b) => a.name.localeCompare(b.name, 'it') || a.id.localeCompare(b.id));
		this.malformed = malformed;
	}

	get(id: string): MapEntry | undefined {
		return this.all.find((entry) => entry.id === id);
	}

	add(...entries: MapEntry[]) {
		putEntries(this.#doc, entries);
	}

	/** Changes some fields of an entry; false if someone removed it meanwhile. */
	update(id: string, patch: EntryPatch): boolean {
		return patchEntry(this.#doc, id, patch);
	}

	remove(...ids: string[]) {
		removeEntries(this.#doc, ids);
	}

	destroy() {
		this.#stop();
	}
}
