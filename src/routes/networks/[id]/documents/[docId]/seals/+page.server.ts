import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUuid } from '$lib/uuid';
import { openDocument } from '$lib/server/documents/queries';
import { listSeals } from '$lib/server/pact/seals';
import { sealAction } from '$lib/server/pact/seal-action';

export const load = (async ({ locals, params, parent }) => {
	await parent();
	if (!isUuid(params.docId)) error(404, 'documents.notFound');
	return locals.db(async (tx) => {
		const doc = await openDocument(tx, params.id, params.docId);
		if (!doc || doc.kind !== 'community_pact') error(404, 'documents.notFound');
		return { doc, seals: await listSeals(tx, doc.id) };
	});
}) satisfies PageServerLoad;

export const actions = { seal: sealAction } satisfies Actions;
