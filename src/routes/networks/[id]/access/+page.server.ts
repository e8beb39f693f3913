import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/guards';
import { attempt, parseForm } from '$lib/server/forms';
import { accessRequestSchema } from '$lib/server/access-schemas';
import { latestOwnRequest, requestAccess } from '$lib/server/networks/access-requests';
import { ACCESS_MESSAGE_MAX, rolesAbove, suggestedRole } from '$lib/access/requests';

// Asking the network's facilitators for another role. The pages that refuse
// something link here with the role that would allow it (?role=editor).
export const load = (async (event) => {
	const user = requireUser(event);
	const { role } = await event.parent();
	return event.locals.db(async (tx) => ({
		latest: await latestOwnRequest(tx, event.params.id, user.id),
		choices: rolesAbove(role),
		suggested: suggestedRole(role, event.url.searchParams.get('role')),
		messageMax: ACCESS_MESSAGE_MAX
	}));
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		requireUser(event);
		const form = await event.request.formData();
		const { data, failure } = parseForm(accessRequestSchema, form);
		if (failure) return failure;
		return attempt(form, async () => {
			await event.locals.db((tx) => requestAccess(tx, event.params.id, data));
			return { requested: true };
		});
	}
} satisfies Actions;
