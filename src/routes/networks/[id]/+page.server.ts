import type { PageServerLoad } from './$types';
import { groupBySystem, listPartners } from '$lib/server/networks/partners';
import { listMembers } from '$lib/server/networks/members';

export const load = (async ({ locals, params }) => {
	const [partners, members] = await locals.db(async (tx) =>
		Promise.all([listPartners(tx, params.id), listMembers(tx, params.id)])
	);
	return { systems: groupBySystem(partners), members };
}) satisfies PageServerLoad;
