// Every structured part a document may hold, each followed into its SQL
// table by its own projector. A room holds a projection of each: a document
// has the part of its own kind, and the others stay idle (an observer on an
// empty map) unless a client writes one into the wrong kind of document,
// which the projection then ignores.
import type * as Y from 'yjs';
import type { Queryable } from '../db/types.ts';
import { ItemsProjection, itemsSearchText, projectState, type Projection, type Projector } from './projection.ts';
import { MAP_PROJECTOR } from '../map/projector.ts';
import { COMMITMENTS_PROJECTOR } from '../pact/projector.ts';
import { ACTIONS_PROJECTOR, OBJECTIVES_PROJECTOR } from '../plan/projector.ts';

/** A projector with its item and row types closed over, so that parts of different kinds make one list. */
export interface StructuredPart {
	projection(documentId: string, doc: Y.Doc): Projection;
	/** What the part adds to the document's search text. */
	searchText(doc: Y.Doc): string;
	/** Writes the part of a stored state as the document's rows: for a seed that builds the state itself. */
	projectState(tx: Queryable, document: { id: string; networkId: string }, state: Uint8Array): Promise<void>;
}

function part<T extends { id: string }, Row extends { id: string }, Known>(projector: Projector<T, Row, Known>): StructuredPart {
	return {
		projection: (documentId, doc) => new ItemsProjection(documentId, doc, projector),
		searchText: (doc) => itemsSearchText(doc, projector),
		projectState: (tx, document, state) => projectState(tx, projector, document, state)
	};
}

/** In the order a seed projects them: a pact's commitments name the map's entries, which must be in SQL first. */
export const STRUCTURED_PARTS: readonly StructuredPart[] = [
	part(MAP_PROJECTOR),
	part(COMMITMENTS_PROJECTOR),
	part(OBJECTIVES_PROJECTOR),
	part(ACTIONS_PROJECTOR)
];

export const structuredProjections = (documentId: string, doc: Y.Doc): Projection[] =>
	STRUCTURED_PARTS.map((structured) => structured.projection(documentId, doc));

/** The lines the structured parts add to the document's search text, after its own text. */
export const structuredSearchText = (doc: Y.Doc): string =>
	STRUCTURED_PARTS.map((structured) => structured.searchText(doc)).filter(Boolean).join('\n');
