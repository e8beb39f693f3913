import type { PageServerLoad } from './$types';
import { listMyNetworks } from '$lib/server/networks/networks';

export const load = (async ({ locals }) => {
	const user = locals.user;
	if (!user) return { networks: null };
	return { networks: await locals.db((tx) => listMyNetworks(tx, user.id)) };
}) satisfies PageServerLoad;
