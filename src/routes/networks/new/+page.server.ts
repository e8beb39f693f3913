import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, parseForm } from '$lib/server/forms';
import { networkSchema } from '$lib/server/schemas';
import { requireUser } from '$lib/server/guards';
import { createNetwork } from '$lib/server/networks/networks';

export const load = ((event) => {
	requireUser(event);
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		requireUser(event);
		const form = await event.request.formData();
		const { data, failure } = parseForm(networkSchema, form);
		if (failure) return failure;
		const result = await attempt(form, () => event.locals.db((tx) => createNetwork(tx, data)));
		if (typeof result !== 'string') return result;
		redirect(303, `/networks/${result}`);
	}
} satisfies Actions;
