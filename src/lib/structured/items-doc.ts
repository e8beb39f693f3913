// Where a document's items of one kind live in its Yjs state: a top-level
// map from item id to a map of that item's fields. Each field is its own
// key, so two people changing different fields of one item at the same time
// both keep their change; the same field resolves to one of them on every
// replica. A module without Svelte so the collab server can use it.
import * as Y from 'yjs';
import { sameValue, type StructuredKind } from './kind.ts';

export type ItemPatch<T extends { id: string }> = Partial<Omit<T, 'id'>>;

export const itemsMap = (doc: Y.Doc, kind: Pick<StructuredKind<never>, 'key'>): Y.Map<Y.Map<unknown>> =>
	doc.getMap<Y.Map<unknown>>(kind.key);

/** An item's fields as stored, unchecked: any client can write anything. */
export function rawItem(id: string, fields: Y.Map<unknown>): Record<string, unknown> {
	return { ...fields.toJSON(), id };
}

/** The item stored under `id`, checked, or null when it is missing or not well-formed. */
export function checkedItem<T extends { id: string }>(kind: StructuredKind<T>, id: string, fields: unknown): T | null {
	return fields instanceof Y.Map ? kind.check(rawItem(id, fields)) : null;
}

/**
 * Every well-formed item of `doc`, in the kind's order, and how many stored
 * items are not (written by a faulty or hostile client): those are left out
 * of every view.
 */
export function readItems<T extends { id: string }>(doc: Y.Doc, kind: StructuredKind<T>): { items: T[]; malformed: number } {
	const items: T[] = [];
	let malformed = 0;
	itemsMap(doc, kind).forEach((fields, id) => {
		const item = checkedItem(kind, id, fields);
		if (item) items.push(item);
		else malformed++;
	});
	return { items: items.sort(kind.compare), malformed };
}

function fieldsOf<T extends { id: string }>(kind: StructuredKind<T>, item: T): Y.Map<unknown> {
	const fields = new Y.Map<unknown>();
	for (const field of kind.fields) fields.set(String(field), item[field]);
	return fields;
}

/** Adds (or replaces) items in one change, so an import arrives whole or not at all. */
export function putItems<T extends { id: string }>(doc: Y.Doc, kind: StructuredKind<T>, items: T[], origin?: unknown): void {
	const map = itemsMap(doc, kind);
	doc.transact(() => {
		for (const item of items) map.set(item.id, fieldsOf(kind, item));
	}, origin);
}

/** Writes the fields of `patch` that differ from what the item holds; false if the item is gone. */
export function patchItem<T extends { id: string }>(
	doc: Y.Doc,
	kind: StructuredKind<T>,
	id: string,
	patch: ItemPatch<T>,
	origin?: unknown
): boolean {
	const fields = itemsMap(doc, kind).get(id);
	if (!(fields instanceof Y.Map)) return false;
	doc.transact(() => {
		for (const [field, value] of Object.entries(patch)) {
			if (!sameValue(fields.get(field), value)) fields.set(field, value);
		}
	}, origin);
	return true;
}

export function removeItems(doc: Y.Doc, kind: Pick<StructuredKind<never>, 'key'>, ids: string[], origin?: unknown): void {
	const map = itemsMap(doc, kind);
	doc.transact(() => {
		for (const id of ids) map.delete(id);
	}, origin);
}
