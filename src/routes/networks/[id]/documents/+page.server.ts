import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, parseForm } from '$lib/server/forms';
import { listQuery, newDocumentSchema } from '$lib/server/documents/schemas';
import { createDocument, listDocuments, searchDocuments } from '$lib/server/documents/queries';
import { templateState } from '$lib/documents/templates';

export const load = (async ({ locals, params, url }) => {
	const { q, kind, status } = listQuery(url.searchParams);
	const filters = { kind, status };
	return locals.db(async (tx) => ({
		query: { q, kind, status },
		// A search shows its hits; otherwise the list, most recently changed first.
		hits: q ? await searchDocuments(tx, params.id, q, filters) : null,
		documents: q ? [] : await listDocuments(tx, params.id, filters)
	}));
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(newDocumentSchema, form);
		if (failure) return failure;
		// The template is built here and written in the same transaction as the row.
		const template = templateState(data.kind, locals.locale);
		const result = await attempt(
			form,
			() => locals.db((tx) => createDocument(tx, params.id, data, template)),
			'documents.onlyEditors'
		);
		if (typeof result !== 'string') return result;
		redirect(303, `/networks/${params.id}/documents/${result}`);
	}
} satisfies Actions;
