import type { PageServerLoad } from './$types';
import { LIVE_KEYS } from '$lib/live';
import { activityQuery } from '$lib/server/activity/query';
import { listActivity, listActors } from '$lib/server/activity/queries';

// The network layout has answered 404/403 already; the policies show the
// record to members only in any case.
export const load = (async ({ locals, params, url, depends }) => {
	depends(LIVE_KEYS.activity);
	const query = activityQuery(url.searchParams);
	return locals.db(async (tx) => ({
		query,
		...(await listActivity(tx, params.id, query)),
		actors: await listActors(tx, params.id)
	}));
}) satisfies PageServerLoad;
