import { error } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { liveStream } from '$lib/server/live/stream';
import { isUuid } from '$lib/uuid';
import type { RequestHandler } from './$types';

/** The live channel of an open page: ?network=<id> adds that network's activity. */
export const GET: RequestHandler = async ({ locals, url, request }) => {
	if (!locals.user) error(401, 'errors.not_authenticated');
	const networkId = url.searchParams.get('network');
	if (networkId !== null) {
		if (!isUuid(networkId)) error(404, 'errors.not_found');
		// Row-level security answers: only a member sees the network.
		const { rows } = await locals.db((tx) => tx.query('select 1 from public.networks where id = $1', [networkId]));
		if (rows.length === 0) error(403, 'errors.not_allowed');
	}
	const { live } = await runtime();
	await live.start();
	return liveStream(live, { userId: locals.user.id, networkId }, request.signal);
};
