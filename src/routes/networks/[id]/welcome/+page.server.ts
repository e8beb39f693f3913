import type { PageServerLoad } from './$types';
import { myPartnerName } from '$lib/server/onboarding/welcome';

// Where an accepted invitation lands; any member may come back to it.
export const load = (async ({ locals, params }) => ({
	partnerName: await locals.db((tx) => myPartnerName(tx, params.id))
})) satisfies PageServerLoad;
