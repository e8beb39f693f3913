import type { PageServerLoad } from './$types';
import { groupBySystem, listPartners } from '$lib/server/networks/partners';
import { listMembers } from '$lib/server/networks/members';
import { listDocuments } from '$lib/server/documents/queries';

export const load = (async ({ locals, params }) => {
	const [partners, members, documents] = await locals.db(async (tx) =>
		Promise.all([listPartners(tx, params.id), listMembers(tx, params.id), listDocuments(tx, params.id, {}, 5)])
	);
	return { systems: groupBySystem(partners), members, documents };
}) satisfies PageServerLoad;
