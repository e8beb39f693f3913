// Addresses of what a pact's commitments pages link to.
import type { MapChoice } from '$lib/pact/summary';

/** A map entry, open on its map's entries page. */
export const entryLink = (networkId: string, choice: Pick<MapChoice, 'id' | 'documentId'>): string =>
	`/networks/${networkId}/documents/${choice.documentId}/entries?entry=${choice.id}`;

/** The commitments page of a pact, with a view and (optionally) a commitment open. */
export function commitmentsLink(networkId: string, documentId: string, params: Record<string, string> = {}): string {
	const query = new URLSearchParams(params).toString();
	return `/networks/${networkId}/documents/${documentId}/commitments${query ? `?${query}` : ''}`;
}

/** A partner's own page of commitments in a pact. */
export const partnerCommitmentsLink = (networkId: string, documentId: string, partnerId: string): string =>
	`/networks/${networkId}/documents/${documentId}/commitments/partners/${partnerId}`;
