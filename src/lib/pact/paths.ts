// Where a pact's sealed versions live: built from ids alone, for links from
// the activity record, notifications and the pages.

/** The pact's sealed versions, or one of them. */
export function sealPath(network: string, documentId: string, sealId: string | null): string {
	return `${network}/documents/${documentId}/seals${sealId ? `/${sealId}` : ''}`;
}
