// A territorial map's entries as the page shows them, live: the structured
// machinery's list with the map's kind.
import type * as Y from 'yjs';
import type { MapEntry } from './entry.ts';
import { MAP_ENTRIES } from './entries-doc.ts';
import { StructuredItems } from '../structured/items.svelte.ts';

export class MapEntries extends StructuredItems<MapEntry> {
	constructor(doc: Y.Doc) {
		super(doc, MAP_ENTRIES);
	}
}
