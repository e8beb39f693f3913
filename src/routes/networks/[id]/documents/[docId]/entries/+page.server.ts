import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { isUuid } from '$lib/uuid';
import { openDocument } from '$lib/server/documents/queries';
import { listPartners } from '$lib/server/networks/partners';
import { presenceOf } from '$lib/presence';
import { listEntries } from '$lib/server/map/queries';
import { NO_FILTER } from '$lib/map/filter';

export const load = (async ({ locals, params, parent }) => {
	await parent();
	if (!isUuid(params.docId)) error(404, 'documents.notFound');
	const user = locals.user!;
	const found = await locals.db(async (tx) => {
		const doc = await openDocument(tx, params.id, params.docId);
		if (!doc || doc.kind !== 'territorial_map') return null;
		// The projected entries show at first paint and without JavaScript, until the live document takes over.
		return { doc, partners: await listPartners(tx, params.id), projected: await listEntries(tx, params.id, params.docId, NO_FILTER) };
	});
	if (!found) error(404, 'documents.notFound');
	return {
		doc: found.doc,
		partners: found.partners,
		projected: found.projected,
		presence: presenceOf({ id: user.id, name: locals.profile?.displayName || user.email })
	};
}) satisfies PageServerLoad;
