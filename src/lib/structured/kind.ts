// A document's structured part: a kind of item (a map's entry, a pact's
// commitment, a plan's action) kept in the document's Yjs state beside its
// text. Every kind is described once here and served by the same machinery:
// the Yjs operations (items-doc.ts), the page's live list (items.svelte.ts)
// and the collab server's projection into SQL (server/collab/projection.ts).

/** What the machinery needs to know of one kind of item. */
export interface StructuredKind<T extends { id: string }> {
	/** The name of the top-level Y.Map, beside the text's XmlFragment, that holds the items by id. */
	readonly key: string;
	/** The fields stored, one key each in the item's own Y.Map, so that changes to different fields merge. */
	readonly fields: readonly Exclude<keyof T, 'id'>[];
	/**
	 * The item, checked and tidied, or null when it is not well-formed. Any
	 * client can write anything into Yjs: every reader runs this.
	 */
	check(raw: Record<string, unknown>): T | null;
	/** The order in which lists show items. */
	compare(a: T, b: T): number;
}

/** True when two values of a field are the same: what a save, a patch and an open cell compare. */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
