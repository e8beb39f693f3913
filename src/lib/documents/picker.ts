// What the document picker offers and where it asks for it: the network's
// documents whose title holds what was typed, found by the database as the
// person (src/routes/networks/[id]/documents/titles/+server.ts).
import type { DocumentKind } from './kinds.ts';

export interface DocumentOption {
	id: string;
	title: string;
	kind: DocumentKind;
}

/** The endpoint's address for what was typed. */
export function documentTitlesUrl(networkId: string, typed: string): string {
	return `/networks/${encodeURIComponent(networkId)}/documents/titles?q=${encodeURIComponent(typed)}`;
}
