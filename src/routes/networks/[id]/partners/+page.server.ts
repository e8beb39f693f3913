import type { Actions, PageServerLoad } from './$types';
import { attempt, attemptChange, parseForm, refuse } from '$lib/server/forms';
import { idSchema, partnerSchema } from '$lib/server/schemas';
import { addPartner, groupBySystem, listPartners, removePartner } from '$lib/server/networks/partners';
import { isConfirmed } from '$lib/confirmation';
import { askFirst } from '$lib/server/confirmations/ask';
import { partnerRemoval } from '$lib/server/confirmations/partner';

export const load = (async ({ locals, params }) => {
	const partners = await locals.db((tx) => listPartners(tx, params.id));
	return { systems: groupBySystem(partners) };
}) satisfies PageServerLoad;

export const actions = {
	add: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(partnerSchema, form);
		if (failure) return failure;
		const result = await attempt(form, () => locals.db((tx) => addPartner(tx, params.id, data)));
		if (result) return result;
		return { added: data.name };
	},
	remove: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(idSchema, form);
		if (failure) return failure;
		if (!isConfirmed(form)) {
			const question = await locals.db((tx) => partnerRemoval(tx, params.id, data.id));
			return question ? askFirst(question) : refuse(403, form, 'errors.not_allowed');
		}
		const refused = await attemptChange(form, () => locals.db((tx) => removePartner(tx, params.id, data.id)));
		return refused ?? { removed: true };
	}
} satisfies Actions;
