/**
 * Where a document's comment is read: a comment in the text on the
 * document's page, a comment on a territorial map's entry on the map's
 * entries page with that entry open, a comment on a community pact's
 * commitment on the pact's commitments page with that commitment open; the
 * document alone when no comment is named. The activity record and
 * notifications both lead there.
 */
export function commentPath(
	network: string,
	documentId: string,
	commentId: string | null,
	entryId: string | null = null,
	kind: string | null = null
): string {
	const document = `${network}/documents/${documentId}`;
	if (commentId && entryId && kind === 'community_pact') return `${document}/commitments?commitment=${entryId}&comment=${commentId}`;
	if (commentId && entryId) return `${document}/entries?entry=${entryId}&comment=${commentId}`;
	return `${document}${commentId ? `?comment=${commentId}` : ''}`;
}
