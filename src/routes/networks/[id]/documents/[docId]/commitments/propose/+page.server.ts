import { listMapChoices } from '$lib/server/pact/map-choices';
import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/guards';
import { openPact } from '$lib/server/pact/pact-page';
import { knownReferences, mayPropose, ownPartner, propose, proposalRefusalKey } from '$lib/server/pact/proposals';
import { proposalValues, readProposal } from '$lib/server/pact/proposal-form';
import { isUuid } from '$lib/uuid';

// Proposing a commitment for the partner one speaks for. The partner is the
// person's own (their membership names it), never a choice of the form; the
// database decides whether they may (the insert policy).
export const load = (async (event) => {
	requireUser(event);
	await event.parent();
	const { locals, params, url } = event;
	// A search of the map entries sent without JavaScript comes back here with everything typed so far.
	const searched = url.searchParams.has('needIdsSearch') || url.searchParams.has('entryIdsSearch');
	return locals.db(async (tx) => {
		const pact = await openPact(tx, params.id, params.docId);
		const partner = await ownPartner(tx, params.id);
		const may = partner !== null && (await mayPropose(tx, pact.id));
		return {
			pact,
			partner: may ? partner : null,
			entries: may ? await listMapChoices(tx, params.id) : [],
			values: searched ? proposalValues(url.searchParams) : null,
			searches: {
				needIds: url.searchParams.get('needIdsSearch') ?? '',
				entryIds: url.searchParams.get('entryIdsSearch') ?? ''
			},
			// Sent back with the form, so that sending it twice proposes once.
			proposalId: randomUUID()
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		requireUser(event);
		const { locals, params, request } = event;
		const values = proposalValues(await request.formData());
		if (!isUuid(params.docId)) return fail(404, { values, problems: {}, message: 'documents.notFound' as const });
		const outcome = await locals
			.db(async (tx) => {
				const partner = await ownPartner(tx, params.id);
				if (!partner) return { refused: 'pactProposals.error.mayNotPropose' as const };
				const read = readProposal(values, partner.id, await knownReferences(tx, params.id));
				if (read.problems) return { problems: read.problems };
				await propose(tx, params.id, params.docId, read.commitment);
				return { proposed: read.commitment.id };
			})
			.catch((error: unknown) => {
				const refused = proposalRefusalKey(error);
				if (!refused) throw error;
				return { refused };
			});
		if ('refused' in outcome) return fail(403, { values, problems: {}, message: outcome.refused });
		if ('problems' in outcome) return fail(400, { values, problems: outcome.problems, message: 'common.formErrors' as const });
		redirect(303, `/networks/${params.id}/documents/${params.docId}/commitments/proposals?sent=${outcome.proposed}`);
	}
} satisfies Actions;
