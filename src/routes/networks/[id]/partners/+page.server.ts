import type { Actions, PageServerLoad } from './$types';
import { attempt, attemptChange, parseForm, refuse } from '$lib/server/forms';
import { idSchema, partnerSchema } from '$lib/server/schemas';
import { addPartner, listPartners, removePartner } from '$lib/server/networks/partners';
import { groupBySystem } from '$lib/partner-systems';
import { isConfirmed } from '$lib/confirmation';
import { askFirst } from '$lib/server/confirmations/ask';
import { partnerRemoval } from '$lib/server/confirmations/partner';

export const load = (async ({ locals, params, url }) => {
	const partners = await locals.db((tx) => listPartners(tx, params.id));
	// The name of a partner just edited, for the confirmation the edit page redirects to.
	const saved = partners.find((partner) => partner.id === url.searchParams.get('saved'))?.name ?? null;
	return { systems: groupBySystem(partners), saved };
}) satisfies PageServerLoad;

export const actions = {
	add: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(partnerSchema, form);
		if (failure) return failure;
		const result = await attempt(form, () => locals.db((tx) => addPartner(tx, params.id, data)), 'errors.not_allowed', 'name');
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
