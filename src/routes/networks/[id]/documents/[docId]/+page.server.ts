import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attemptChange, parseForm } from '$lib/server/forms';
import { renameSchema, statusSchema } from '$lib/server/documents/schemas';
import { isUuid } from '$lib/uuid';
import { commentSchema } from '$lib/server/comments/schemas';
import { runtime } from '$lib/server/runtime';
import { openDocument, renameDocument, setDocumentStatus } from '$lib/server/documents/queries';
import { addComment, listComments } from '$lib/server/comments/queries';
import { postWithFiles, replyAction, resolveAction } from '$lib/server/comments/actions';
import { commentViews } from '$lib/server/comments/views';
import { recordVisit } from '$lib/server/visits';
import { listMembers } from '$lib/server/networks/members';
import { mentionableMembers } from '$lib/mention-autocomplete';
import { presenceOf } from '$lib/presence';
import { LIVE_KEYS } from '$lib/live';

export const load = (async ({ locals, params, parent, depends }) => {
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
		if (!doc) return null;
		const visit = await recordVisit(tx, params.id, doc.id);
		return {
			doc,
			seenBefore: visit.previous,
			comments: commentViews(await listComments(tx, doc.id)),
			members: mentionableMembers(await listMembers(tx, params.id), user.id)
		};
	});
	if (!found) error(404, 'documents.notFound');
	return {
		doc: found.doc,
		comments: found.comments,
		/** Who a comment or a reply can @mention. */
		members: found.members,
		/** When this person last looked at these comments before now; null on a first visit. */
		commentsSeenBefore: found.seenBefore?.toISOString() ?? null,
		userId: user.id,
		presence: presenceOf({ id: user.id, name: locals.profile?.displayName || user.email })
	};
}) satisfies PageServerLoad;

export const actions = {
	rename: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(renameSchema, form);
		if (failure) return failure;
		const refused = await attemptChange(
			form,
			() => locals.db((tx) => renameDocument(tx, params.id, params.docId, data.title)),
			'documents.renameRefused'
		);
		return refused ?? { renamed: true };
	},
	status: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(statusSchema, form);
		if (failure) return failure;
		const refused = await attemptChange(
			form,
			() => locals.db((tx) => setDocumentStatus(tx, params.id, params.docId, data.status)),
			'documents.statusRefused'
		);
		if (refused) return refused;
		// Archiving makes the text read-only for people who have it open.
		await (await runtime()).collab.recheck({ documentId: params.docId });
		return { statusChanged: data.status };
	},
	comment: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(commentSchema, form);
		if (failure) return failure;
		const place = { networkId: params.id, documentId: params.docId };
		const id = await postWithFiles(
			{ form, locals, networkId: params.id },
			(tx) => addComment(tx, place, data),
			(comment) => ({ comment })
		);
		return typeof id === 'string' ? { commented: id } : id;
	},
	reply: replyAction,
	resolve: resolveAction
} satisfies Actions;
