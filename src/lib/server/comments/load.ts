// What every page with a document's comments loads: the document page
// (comments in the text) and a territorial map's entries page (comments on
// entries). Both reload when anybody comments or a comment's file changes,
// both record the visit that marks what is new, and both offer the same
// people to @mention.
import { error, type ServerLoadEvent } from '@sveltejs/kit';
import { isUuid } from '../../uuid.ts';
import { LIVE_KEYS } from '../../live.ts';
import { presenceOf } from '../../presence.ts';
import { mentionableMembers } from '../../mention-autocomplete.ts';
import type { DocumentKind } from '../../documents/kinds.ts';
import type { Queryable } from '../db/types.ts';
import { openDocument, type DocumentDetail } from '../documents/queries.ts';
import { listMembers } from '../networks/members.ts';
import { recordVisit } from '../visits.ts';

type DocumentLoadEvent = ServerLoadEvent<{ id: string; docId: string }, Record<string, unknown>>;

/**
 * Opens the document for its page with comments, 404 when the person cannot
 * see it or it is not of `kind`; `more` loads the page's own data in the
 * same transaction.
 */
export async function loadCommentedDocument<More>(
	{ locals, params, parent, depends }: DocumentLoadEvent,
	{ kind, more }: { kind?: DocumentKind; more: (tx: Queryable, doc: DocumentDetail) => Promise<More> }
) {
	// The network layout has already answered 404/403 for the network itself.
	await parent();
	if (!isUuid(params.docId)) error(404, 'documents.notFound');
	// Anybody's comment, reply or resolution on this document reloads this.
	depends(LIVE_KEYS.comments(params.docId));
	// Files attached to the comments renamed, binned or deleted in the file space.
	depends(LIVE_KEYS.files);
	const user = locals.user!;
	const found = await locals.db(async (tx) => {
		const doc = await openDocument(tx, params.id, params.docId);
		if (!doc || (kind && doc.kind !== kind)) return null;
		// The document's comments are one subject, whichever page they are read on.
		const visit = await recordVisit(tx, params.id, doc.id);
		return {
			doc,
			seenBefore: visit.previous,
			members: mentionableMembers(await listMembers(tx, params.id), user.id),
			more: await more(tx, doc)
		};
	});
	if (!found) error(404, 'documents.notFound');
	return {
		doc: found.doc,
		/** Who a comment or a reply can @mention. */
		members: found.members,
		/** When this person last looked at the document's comments before now; null on a first visit. */
		commentsSeenBefore: found.seenBefore?.toISOString() ?? null,
		userId: user.id,
		presence: presenceOf({ id: user.id, name: locals.profile?.displayName || user.email }),
		more: found.more
	};
}
