import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { networkAccess, requireUser } from '$lib/server/guards';
import { isUuid } from '$lib/uuid';

export const load = (async (event) => {
	const user = requireUser(event);
	if (!isUuid(event.params.id)) error(404, 'errors.network_not_found');
	const access = await networkAccess(event, event.params.id, user.id);
	if (access.status === 'missing') error(404, 'errors.network_not_found');
	if (access.status === 'forbidden') error(403, 'errors.network_forbidden');
	return { network: access.network, role: access.role };
}) satisfies LayoutServerLoad;
