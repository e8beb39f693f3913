import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/guards';
import { parseForm } from '$lib/server/forms';
import { mutedKinds, settingsSchema } from '$lib/server/notifications/schemas';
import { readMutedKinds, saveMutedKinds } from '$lib/server/notifications/queries';

export const load = (async (event) => {
	requireUser(event);
	return { muted: await event.locals.db(readMutedKinds) };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		requireUser(event);
		const form = await event.request.formData();
		const { data, failure } = parseForm(settingsSchema, form);
		if (failure) return failure;
		await event.locals.db((tx) => saveMutedKinds(tx, mutedKinds(data)));
		return { saved: true };
	}
} satisfies Actions;
