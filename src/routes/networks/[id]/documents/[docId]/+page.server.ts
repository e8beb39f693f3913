import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attemptChange, parseForm } from '$lib/server/forms';
import { isUuid, renameSchema, statusSchema } from '$lib/server/documents/schemas';
import { runtime } from '$lib/server/runtime';
import { openDocument, renameDocument, setDocumentStatus } from '$lib/server/documents/queries';
import { presenceOf } from '$lib/presence';

export const load = (async ({ locals, params, parent }) => {
	// The network layout has already answered 404/403 for the network itself.
	await parent();
	if (!isUuid(params.docId)) error(404, 'documents.notFound');
	const doc = await locals.db((tx) => openDocument(tx, params.id, params.docId));
	if (!doc) error(404, 'documents.notFound');
	const user = locals.user!;
	return {
		doc,
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
	}
} satisfies Actions;
