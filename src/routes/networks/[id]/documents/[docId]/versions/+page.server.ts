import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, parseForm, refuse } from '$lib/server/forms';
import { versionSchema } from '$lib/server/documents/schemas';
import { isUuid } from '$lib/uuid';
import { documentAccess, listVersions, openDocument, saveVersion } from '$lib/server/documents/queries';
import { runtime } from '$lib/server/runtime';
import { stateText } from '$lib/server/collab/text';

export const load = (async ({ locals, params, parent }) => {
	await parent();
	if (!isUuid(params.docId)) error(404, 'documents.notFound');
	return locals.db(async (tx) => {
		const doc = await openDocument(tx, params.id, params.docId);
		if (!doc) error(404, 'documents.notFound');
		return { doc, versions: await listVersions(tx, doc.id) };
	});
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(versionSchema, form);
		if (failure) return failure;
		if (!isUuid(params.docId)) return refuse(404, form, 'documents.notFound');
		// Asked of the database as the person, in its own transaction: the collab
		// server reads the state with its own connection, and PGlite has only one.
		const access = await locals.db((tx) => documentAccess(tx, params.docId));
		if (!access || access.networkId !== params.id || !access.mayWrite) {
			return refuse(403, form, 'versions.saveRefused');
		}
		const state = await (await runtime()).collab.encodeState(params.docId);
		const text = stateText(state);
		// The insert policy checks the role again.
		const saved = await attempt(
			form,
			() => locals.db((tx) => saveVersion(tx, params.docId, { name: data.name, state, text })),
			'versions.saveRefused'
		);
		return typeof saved === 'string' ? { saved: data.name } : saved;
	}
} satisfies Actions;
