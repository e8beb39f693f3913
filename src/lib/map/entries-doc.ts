// A territorial map's entries as a structured part of the document: the
// shared machinery (../structured) with the entry's fields and check.
import type * as Y from 'yjs';
import { ENTRY_FIELDS, type MapEntry } from './entry.ts';
import { checkEntry } from './check.ts';
import type { StructuredKind } from '../structured/kind.ts';
import { itemsMap, patchItem, putItems, readItems, removeItems, type ItemPatch } from '../structured/items-doc.ts';

export const MAP_ENTRIES: StructuredKind<MapEntry> = {
	key: 'mapEntries',
	fields: ENTRY_FIELDS,
	check: (raw) => checkEntry(raw).entry,
	compare: (a, b) => a.name.localeCompare(b.name, 'it') || a.id.localeCompare(b.id)
};

export type EntryPatch = ItemPatch<MapEntry>;

export const entriesMap = (doc: Y.Doc) => itemsMap(doc, MAP_ENTRIES);

/** Every well-formed entry of `doc`, by name, and how many stored entries are not. */
export function readEntries(doc: Y.Doc): { entries: MapEntry[]; malformed: number } {
	const { items, malformed } = readItems(doc, MAP_ENTRIES);
	return { entries: items, malformed };
}

export const putEntries = (doc: Y.Doc, entries: MapEntry[], origin?: unknown) => putItems(doc, MAP_ENTRIES, entries, origin);
export const patchEntry = (doc: Y.Doc, id: string, patch: EntryPatch, origin?: unknown) =>
	patchItem(doc, MAP_ENTRIES, id, patch, origin);
export const removeEntries = (doc: Y.Doc, ids: string[], origin?: unknown) => removeItems(doc, MAP_ENTRIES, ids, origin);
