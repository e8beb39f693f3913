import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUuid } from '$lib/uuid';
import { parseForm } from '$lib/server/forms';
import { openDocument } from '$lib/server/documents/queries';
import { listPartners } from '$lib/server/networks/partners';
import { listMembers } from '$lib/server/networks/members';
import { addEntryComment, countEntryComments, listEntryComments } from '$lib/server/comments/queries';
import { entryCommentSchema } from '$lib/server/comments/schemas';
import { entryCommentViews } from '$lib/server/comments/views';
import { postWithFiles, replyAction, resolveAction } from '$lib/server/comments/actions';
import { recordVisit } from '$lib/server/visits';
import { mentionableMembers } from '$lib/mention-autocomplete';
import { presenceOf } from '$lib/presence';
import { LIVE_KEYS } from '$lib/live';
import { runtime } from '$lib/server/runtime';
import { listEntries } from '$lib/server/map/queries';
import { NO_FILTER } from '$lib/map/filter';

export const load = (async ({ locals, params, parent, depends, isDataRequest }) => {
	await parent();
	if (!isUuid(params.docId)) error(404, 'documents.notFound');
	// Anybody's comment, reply or resolution on this map's entries reloads this.
	depends(LIVE_KEYS.comments(params.docId));
	// Files attached to the comments renamed, binned or deleted in the file space.
	depends(LIVE_KEYS.files);
	const user = locals.user!;
	const found = await locals.db(async (tx) => {
		const doc = await openDocument(tx, params.id, params.docId);
		if (!doc || doc.kind !== 'territorial_map') return null;
		// The document's comments are one subject, whichever page they are read on.
		const visit = await recordVisit(tx, params.id, doc.id);
		return {
			doc,
			partners: await listPartners(tx, params.id),
			entryComments: entryCommentViews(await listEntryComments(tx, doc.id)),
			commentCounts: await countEntryComments(tx, doc.id),
			members: mentionableMembers(await listMembers(tx, params.id), user.id),
			seenBefore: visit.previous,
			// The projected entries show at first paint and without JavaScript, until the live document takes over.
			// A page already running has its live document: a navigation or a live reload skips them.
			projected: isDataRequest ? null : await listEntries(tx, params.id, params.docId, NO_FILTER)
		};
	});
	if (!found) error(404, 'documents.notFound');
	return {
		doc: found.doc,
		partners: found.partners,
		/** Every comment on the map's entries, removed entries' too; EntryComments shows one entry's. */
		entryComments: found.entryComments,
		/** How many comments (and open ones) each commented entry has, by entry id. */
		commentCounts: found.commentCounts,
		/** Who a comment or a reply can @mention. */
		members: found.members,
		/** When this person last looked at the document's comments before now; null on a first visit. */
		commentsSeenBefore: found.seenBefore?.toISOString() ?? null,
		userId: user.id,
		presence: presenceOf({ id: user.id, name: locals.profile?.displayName || user.email }),
		/** Where the map's background comes from; null draws a plain one. */
		tiles: (await runtime()).config.map.tiles,
		/** The entries as last projected into SQL, on a full page load only. */
		projected: found.projected
	};
}) satisfies PageServerLoad;

export const actions = {
	comment: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(entryCommentSchema, form);
		if (failure) return failure;
		const place = { networkId: params.id, documentId: params.docId };
		const id = await postWithFiles(
			{ form, locals, networkId: params.id },
			(tx) => addEntryComment(tx, place, data),
			(comment) => ({ comment })
		);
		return typeof id === 'string' ? { commented: id } : id;
	},
	reply: replyAction,
	resolve: resolveAction
} satisfies Actions;
