import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/guards';
import { openNetwork } from '$lib/server/networks/networks';
import { isUuid } from '$lib/uuid';

export const load = (async (event) => {
	const user = requireUser(event);
	if (!isUuid(event.params.id)) error(404, 'errors.network_not_found');
	const access = event.locals.networkAccess ?? (await event.locals.db((tx) => openNetwork(tx, event.params.id, user.id)));
	if (access.status === 'missing') error(404, 'errors.network_not_found');
	if (access.status === 'forbidden') error(403, 'errors.network_forbidden');
	return { network: access.network, role: access.role };
}) satisfies LayoutServerLoad;
