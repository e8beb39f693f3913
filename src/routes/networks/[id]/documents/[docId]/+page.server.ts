import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, attemptChange, parseForm, refuse } from '$lib/server/forms';
import { renameSchema, statusSchema } from '$lib/server/documents/schemas';
import { isUuid } from '$lib/uuid';
import { commentSchema, replySchema, resolveSchema } from '$lib/server/comments/schemas';
import { runtime } from '$lib/server/runtime';
import { openDocument, renameDocument, setDocumentStatus } from '$lib/server/documents/queries';
import { addComment, addReply, listComments, setResolved } from '$lib/server/comments/queries';
import { commentViews } from '$lib/server/comments/views';
import { recordVisit } from '$lib/server/visits';
import { listMembers } from '$lib/server/networks/members';
import { mentionableMembers } from '$lib/mention-autocomplete';
import { presenceOf } from '$lib/presence';
import { LIVE_KEYS } from '$lib/live';
import { parseAttachments, unavailableRefusal } from '$lib/server/attachments/choice';
import { postAttaching, type AttachmentPost } from '$lib/server/attachments/queries';
import type { Queryable } from '$lib/server/db/types';

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

/**
 * Posts a comment or a reply with its files. The query answers null when
 * the person cannot see where it would go (another network's document, a
 * forged id); the policies refuse viewers; the rate limit refuses a burst;
 * a chosen file may have gone meanwhile. Each refusal keeps what was typed.
 */
async function post(
	{ form, locals, networkId }: { form: FormData; locals: App.Locals; networkId: string },
	insert: (tx: Queryable) => Promise<string | null>,
	target: (id: string) => AttachmentPost
) {
	const files = parseAttachments(form);
	if (files.failure) return files.failure;
	const posted = await attempt(
		form,
		() => locals.db((tx) => postAttaching(tx, networkId, files.data, () => insert(tx), (id) => (id ? target(id) : null))),
		'comments.refused'
	);
	if (posted === null) return refuse(403, form, 'comments.refused');
	if (typeof posted === 'object' && 'unavailable' in posted) return unavailableRefusal(form, posted.unavailable);
	return posted;
}

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
		const id = await post(
			{ form, locals, networkId: params.id },
			(tx) => addComment(tx, place, data),
			(comment) => ({ comment })
		);
		return typeof id === 'string' ? { commented: id } : id;
	},
	reply: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(replySchema, form);
		if (failure) return failure;
		const place = { networkId: params.id, documentId: params.docId, commentId: data.commentId };
		const id = await post(
			{ form, locals, networkId: params.id },
			(tx) => addReply(tx, place, data.body),
			(reply) => ({ reply })
		);
		return typeof id === 'string' ? { replied: data.commentId } : id;
	},
	resolve: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(resolveSchema, form);
		if (failure) return failure;
		const place = { networkId: params.id, documentId: params.docId, commentId: data.commentId };
		const refused = await attemptChange(
			form,
			() => locals.db((tx) => setResolved(tx, place, data.resolved)),
			'comments.resolveRefused'
		);
		return refused ?? { resolvedChange: { commentId: data.commentId, resolved: data.resolved } };
	}
} satisfies Actions;
