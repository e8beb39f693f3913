import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, attemptChange, parseForm, refuse } from '$lib/server/forms';
import { renameSchema, reopenSchema, statusSchema } from '$lib/server/documents/schemas';
import { commentSchema } from '$lib/server/comments/schemas';
import { deleteDocument, renameDocument, setDocumentStatus } from '$lib/server/documents/queries';
import { addComment, listComments } from '$lib/server/comments/queries';
import { loadCommentedDocument } from '$lib/server/comments/load';
import { commentAction, replyAction, resolveAction } from '$lib/server/comments/actions';
import { commentViews } from '$lib/server/comments/views';
import { entryCounts } from '$lib/server/map/queries';
import { readPactSummary } from '$lib/server/pact/summary';
import { approvalState, reopenDocument, requestReview } from '$lib/server/documents/approval';
import { approveWithVersion } from '$lib/server/documents/approve-action';
import { isConfirmed } from '$lib/confirmation';
import { askFirst } from '$lib/server/confirmations/ask';
import { documentDeletion } from '$lib/server/confirmations/document';
import { sealAction } from '$lib/server/pact/seal-action';

export const load = (async (event) => {
	const { more, ...commented } = await loadCommentedDocument(event, {
		more: async (tx, doc) => ({
			comments: commentViews(await listComments(tx, doc.id)),
			/** Who approved it and the version kept, or the deadline of the review under way. */
			approval: await approvalState(tx, doc.id),
			/** A territorial map's entries by category, for the way to them. */
			entryCounts: doc.kind === 'territorial_map' ? await entryCounts(tx, doc.id) : null,
			/** A community pact's commitments added up, for the way to them. */
			pactSummary: doc.kind === 'community_pact' ? await readPactSummary(tx, event.params.id, doc.id) : null
		})
	});
	return { ...commented, ...more };
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
	status: async (event) => {
		const form = await event.request.formData();
		const { data, failure } = parseForm(statusSchema, form);
		if (failure) return failure;
		const { locals, params } = event;
		// Approving keeps the text as a version first: its own path.
		if (data.status === 'approved') return approveWithVersion(event, form);
		const refused = await attemptChange(
			form,
			() =>
				locals.db((tx) =>
					data.status === 'in_review'
						? requestReview(tx, params.id, params.docId, data.reviewDue)
						: setDocumentStatus(tx, params.id, params.docId, data.status)
				),
			'documents.statusRefused'
		);
		// Archiving makes the text read-only for people who have it open, through the database's announcement.
		return refused ?? { statusChanged: data.status };
	},
	reopen: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(reopenSchema, form);
		if (failure) return failure;
		const refused = await attempt(
			form,
			() => locals.db((tx) => reopenDocument(tx, params.docId, data.status, data.reason)),
			'approval.reopenRefused'
		);
		return refused ?? { reopened: data.status };
	},
	delete: async ({ request, locals, params }) => {
		const form = await request.formData();
		if (!isConfirmed(form)) {
			const question = await locals.db((tx) => documentDeletion(tx, params.id, params.docId));
			return question ? askFirst(question) : refuse(404, form, 'errors.not_found');
		}
		const deleted = await attempt(form, () => locals.db((tx) => deleteDocument(tx, params.id, params.docId)), 'documents.deleteRefused');
		if (deleted === null) return refuse(403, form, 'documents.deleteRefused');
		if (typeof deleted !== 'string') return deleted;
		// Open sockets hear it from the database (document_deleted) and are told the document is gone.
		redirect(303, `/networks/${params.id}/documents?deleted=${encodeURIComponent(deleted)}`);
	},
	seal: sealAction,
	comment: commentAction(commentSchema, addComment),
	reply: replyAction,
	resolve: resolveAction
} satisfies Actions;
