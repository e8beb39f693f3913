import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { isUuid } from '$lib/uuid';
import { openDocument } from '$lib/server/documents/queries';
import { listPartners } from '$lib/server/networks/partners';
import { presenceOf } from '$lib/presence';
import { runtime } from '$lib/server/runtime';

export const load = (async ({ locals, params, parent }) => {
	await parent();
	if (!isUuid(params.docId)) error(404, 'documents.notFound');
	const user = locals.user!;
	const found = await locals.db(async (tx) => {
		const doc = await openDocument(tx, params.id, params.docId);
		if (!doc || doc.kind !== 'territorial_map') return null;
		return { doc, partners: await listPartners(tx, params.id) };
	});
	if (!found) error(404, 'documents.notFound');
	return {
		doc: found.doc,
		partners: found.partners,
		presence: presenceOf({ id: user.id, name: locals.profile?.displayName || user.email }),
		tiles: (await runtime()).config.map.tiles
	};
}) satisfies PageServerLoad;
