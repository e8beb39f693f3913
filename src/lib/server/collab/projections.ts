// Every structured part a document may hold, each followed into its SQL
// table by its own projection. A room holds them all: a document has the
// part of its own kind, and the others stay idle (an observer on an empty
// map) unless a client writes one into the wrong kind of document, which
// the projection then ignores.
import type * as Y from 'yjs';
import { ItemsProjection, type Projection } from './projection.ts';
import { MAP_PROJECTOR } from '../map/projector.ts';
import { COMMITMENTS_PROJECTOR } from '../pact/projector.ts';

export function structuredProjections(documentId: string, doc: Y.Doc): Projection[] {
	return [new ItemsProjection(documentId, doc, MAP_PROJECTOR), new ItemsProjection(documentId, doc, COMMITMENTS_PROJECTOR)];
}
