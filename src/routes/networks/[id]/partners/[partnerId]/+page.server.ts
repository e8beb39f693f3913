import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, parseForm, refuse } from '$lib/server/forms';
import { partnerSchema } from '$lib/server/schemas';
import { getPartner, updatePartner } from '$lib/server/networks/partners';
import { isUuid } from '$lib/uuid';
import { listDocuments } from '$lib/server/documents/queries';

export const load = (async ({ locals, params }) => {
	const found = isUuid(params.partnerId)
		? await locals.db(async (tx) => ({
				partner: await getPartner(tx, params.id, params.partnerId),
				/** The network's community pacts, each with a way to this partner's commitments in it. */
				pacts: (await listDocuments(tx, params.id, { kind: 'community_pact', limit: 20 })).documents.map(({ id, title }) => ({ id, title }))
			}))
		: null;
	if (!found?.partner) error(404, 'errors.partner_not_found');
	return { partner: found.partner, pacts: found.pacts };
}) satisfies PageServerLoad;

export const actions = {
	// Whoever the database lets edit (its policies and column grants) may save; anyone else is refused by it.
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(partnerSchema, form);
		if (failure) return failure;
		const saved = await attempt(
			form,
			() => locals.db((tx) => updatePartner(tx, params.id, params.partnerId, data)),
			'errors.not_allowed',
			'name'
		);
		if (saved === false) return refuse(403, form, 'errors.not_allowed');
		if (saved !== true) return saved;
		redirect(303, `/networks/${params.id}/partners?saved=${params.partnerId}`);
	}
} satisfies Actions;
