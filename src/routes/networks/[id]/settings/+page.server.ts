import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attemptChange, parseForm } from '$lib/server/forms';
import { networkSchema } from '$lib/server/schemas';
import { updateNetwork } from '$lib/server/networks/networks';

export const load = (async ({ parent }) => {
	const { role } = await parent();
	if (role !== 'facilitator') error(403, 'errors.not_allowed');
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(networkSchema, form);
		if (failure) return failure;
		const refused = await attemptChange(form, () => locals.db((tx) => updateNetwork(tx, params.id, data)));
		return refused ?? { saved: true };
	}
} satisfies Actions;
