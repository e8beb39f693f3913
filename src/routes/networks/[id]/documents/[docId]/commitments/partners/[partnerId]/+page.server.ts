import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { isUuid } from '$lib/uuid';
import { presenceOf } from '$lib/presence';
import { openDocument } from '$lib/server/documents/queries';
import { listPartners } from '$lib/server/networks/partners';
import { listCommitments } from '$lib/server/pact/queries';
import { listMapChoices } from '$lib/server/pact/map-choices';

// One partner's own page of commitments in a pact: everything it commits
// to, in full, to read or print. Read as the person: RLS decides.
export const load = (async ({ locals, params, parent, isDataRequest }) => {
	await parent();
	if (!isUuid(params.docId) || !isUuid(params.partnerId)) error(404, 'documents.notFound');
	const found = await locals.db(async (tx) => {
		const doc = await openDocument(tx, params.id, params.docId);
		if (!doc || doc.kind !== 'community_pact') return null;
		const partners = await listPartners(tx, params.id);
		const partner = partners.find((p) => p.id === params.partnerId);
		if (!partner) return null;
		return {
			doc,
			partner,
			partners,
			choices: await listMapChoices(tx, params.id),
			/** As last projected, for the first paint and without JavaScript; the live pact takes over. */
			projected: isDataRequest ? null : (await listCommitments(tx, doc.id)).filter((c) => c.partnerId === partner.id)
		};
	});
	if (!found) error(404, 'documents.notFound');
	const user = locals.user!;
	return { ...found, presence: presenceOf({ id: user.id, name: locals.profile?.displayName || user.email }) };
}) satisfies PageServerLoad;
