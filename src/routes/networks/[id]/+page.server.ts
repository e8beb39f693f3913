import type { PageServerLoad } from './$types';
import { listPartners } from '$lib/server/networks/partners';
import { groupBySystem } from '$lib/partner-systems';
import { listMembers } from '$lib/server/networks/members';
import { listDocuments } from '$lib/server/documents/queries';
import { readFirstSteps } from '$lib/server/onboarding/first-steps';
import { pendingList } from '$lib/first-steps';

export const load = (async ({ locals, params }) => {
	// One after another: a transaction is one connection, which runs one query at a time anyway.
	return locals.db(async (tx) => ({
		systems: groupBySystem(await listPartners(tx, params.id)),
		members: await listMembers(tx, params.id),
		documents: (await listDocuments(tx, params.id, { limit: 5 })).documents,
		// Facilitators only (the database returns nothing to anyone else), and only until every step is done.
		firstSteps: pendingList(await readFirstSteps(tx, params.id))
	}));
}) satisfies PageServerLoad;
