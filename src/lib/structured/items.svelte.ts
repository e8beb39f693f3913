// A document's items of one kind as a page shows them: read from the shared
// Y.Doc and refreshed whenever anybody's change arrives, and the changes a
// person makes, written to the same Y.Doc so they merge and work offline.
import type * as Y from 'yjs';
import type { StructuredKind } from './kind.ts';
import { itemsMap, patchItem, putItems, readItems, removeItems, type ItemPatch } from './items-doc.ts';

export class StructuredItems<T extends { id: string }> {
	/** Every well-formed item, in the kind's order. */
	all = $state.raw<T[]>([]);
	/** Stored items that are not well-formed, left out of every view. */
	malformed = $state(0);

	readonly #doc: Y.Doc;
	readonly #kind: StructuredKind<T>;
	readonly #stop: () => void;
	#queued = false;

	constructor(doc: Y.Doc, kind: StructuredKind<T>) {
		this.#doc = doc;
		this.#kind = kind;
		const map = itemsMap(doc, kind);
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
		const { items, malformed } = readItems(this.#doc, this.#kind);
		this.all = items;
		this.malformed = malformed;
	}

	get(id: string): T | undefined {
		return this.all.find((item) => item.id === id);
	}

	add(...items: T[]) {
		putItems(this.#doc, this.#kind, items);
	}

	/** Changes some fields of an item; false if someone removed it meanwhile. */
	update(id: string, patch: ItemPatch<T>): boolean {
		return patchItem(this.#doc, this.#kind, id, patch);
	}

	remove(...ids: string[]) {
		removeItems(this.#doc, this.#kind, ids);
	}

	destroy() {
		this.#stop();
	}
}
