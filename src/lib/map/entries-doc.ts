// Where a territorial map's entries live in the document's Yjs state: a
// top-level map from entry id to a map of that entry's fields. Each field is
// its own key, so two people changing different fields of one entry at the
// same time both keep their change; the same field resolves to one of them
// on every replica. A module without Svelte so the collab server can use it.
import * as Y from 'yjs';
import { ENTRY_FIELDS, sameValue, type MapEntry } from './entry.ts';
import { checkEntry } from './check.ts';

/** The name of the top-level Y.Map beside the text's XmlFragment. */
export const ENTRIES = 'mapEntries';

export type EntryPatch = Partial<Omit<MapEntry, 'id'>>;

export const entriesMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(ENTRIES);

/** An entry's fields as stored, unchecked: any client can write anything. */
export function rawEntry(id: string, fields: Y.Map<unknown>): Record<string, unknown> {
	return { ...fields.toJSON(), id };
}

/**
 * Every well-formed entry of `doc`, and how many stored entries are not
 * (written by a faulty or hostile client): those are left out of every view.
 */
export function readEntries(doc: Y.Doc): { entries: MapEntry[]; malformed: number } {
	const entries: MapEntry[] = [];
	let malformed = 0;
	entriesMap(doc).forEach((fields, id) => {
		const checked = fields instanceof Y.Map ? checkEntry(rawEntry(id, fields)) : null;
		if (checked?.entry) entries.push(checked.entry);
		else malformed++;
	});
	return { entries, malformed };
}

function fieldsOf(entry: MapEntry): Y.Map<unknown> {
	const fields = new Y.Map<unknown>();
	for (const field of ENTRY_FIELDS) fields.set(field, entry[field]);
	return fields;
}

/** Adds (or replaces) entries in one change, so an import arrives whole or not at all. */
export function putEntries(doc: Y.Doc, entries: MapEntry[], origin?: unknown): void {
	const map = entriesMap(doc);
	doc.transact(() => {
		for (const entry of entries) map.set(entry.id, fieldsOf(entry));
	}, origin);
}

/** Writes the fields of `patch` that differ from what the entry holds; false if the entry is gone. */
export function patchEntry(doc: Y.Doc, id: string, patch: EntryPatch, origin?: unknown): boolean {
	const fields = entriesMap(doc).get(id);
	if (!(fields instanceof Y.Map)) return false;
	doc.transact(() => {
		for (const [field, value] of Object.entries(patch)) {
			if (!sameValue(fields.get(field), value)) fields.set(field, value);
		}
	}, origin);
	return true;
}

export function removeEntries(doc: Y.Doc, ids: string[], origin?: unknown): void {
	const map = entriesMap(doc);
	doc.transact(() => {
		for (const id of ids) map.delete(id);
	}, origin);
}
