import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/server/forms';
import { profileSchema } from '$lib/server/schemas';
import { requireUser } from '$lib/server/guards';
import { rememberLocale } from '$lib/server/locale';
import { readProfile, updateProfile } from '$lib/server/profiles';

// Read again rather than taken from locals: after a save without JavaScript,
// load runs in the same request as the action and locals predate the change.
export const load = (async (event) => {
	const user = requireUser(event);
	const profile = await event.locals.db((tx) => readProfile(tx, user.id));
	if (!profile) error(404, 'errors.not_found');
	return { profile };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const { data, failure } = parseForm(profileSchema, form);
		if (failure) return failure;
		await event.locals.db((tx) => updateProfile(tx, user.id, data));
		rememberLocale(event.cookies, data.locale, event.locals.authContext.secure);
		return { saved: true };
	}
} satisfies Actions;
