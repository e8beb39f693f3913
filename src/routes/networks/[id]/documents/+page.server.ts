import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, parseForm } from '$lib/server/forms';
import { listQuery, newDocumentSchema } from '$lib/server/documents/schemas';
import { countDocuments, createDocument, DOCUMENTS_PER_PAGE, listDocuments, searchDocuments } from '$lib/server/documents/queries';
import { listPlace, placeHref } from '$lib/server/documents/cursor';
import { templateState } from '$lib/documents/templates';

export const load = (async ({ locals, params, url }) => {
	const { q, kind, status } = listQuery(url.searchParams);
	const filters = { kind, status };
	return locals.db(async (tx) => {
		const query = { q, kind, status };
		// A search shows its hits; otherwise the list, most recently changed first, a page at a time.
		if (q) return { query, hits: await searchDocuments(tx, params.id, q, filters), list: null };
		const page = await listDocuments(tx, params.id, { ...filters, ...listPlace(url.searchParams) });
		const { total, preceding } = await countDocuments(tx, params.id, filters, page.first);
		return {
			query,
			hits: null,
			list: {
				documents: page.documents,
				total,
				from: preceding + 1,
				to: preceding + page.documents.length,
				previous: page.hasPrevious && page.first ? placeHref(url, { before: page.first }) : null,
				next: page.hasNext && page.last ? placeHref(url, { after: page.last }) : null,
				// Back to the start in one step, once it is more than one page away.
				start: preceding >= 2 * DOCUMENTS_PER_PAGE ? placeHref(url, null) : null
			}
		};
	});
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
