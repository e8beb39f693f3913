import { listMapChoices } from '$lib/server/pact/map-choices';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/guards';
import { runtime } from '$lib/server/runtime';
import { openPact } from '$lib/server/pact/pact-page';
import {
	acceptProposal,
	declineProposal,
	listProposals,
	mayPropose,
	ownPartner,
	proposalRefusalKey
} from '$lib/server/pact/proposals';
import { isUuid } from '$lib/uuid';
import { typedText } from '$lib/server/forms';
import { storable } from '$lib/storable-text';
import type { MessageKey } from '$lib/i18n/translate';

const REASON_MAX = 1000;

// A pact's proposals: everybody in the network reads them; an editor or the
// facilitator, while the pact may be written, takes each into the pact or
// declines it with a reason (the database decides who, see proposals.ts).
export const load = (async (event) => {
	const user = requireUser(event);
	await event.parent();
	const { locals, params, url } = event;
	return locals.db(async (tx) => {
		const pact = await openPact(tx, params.id, params.docId);
		const [proposals, partner] = await Promise.all([listProposals(tx, pact.id), ownPartner(tx, params.id)]);
		const named = proposals.flatMap(({ commitment }) => (commitment ? [...commitment.needIds, ...commitment.entryIds] : []));
		const entries = await listMapChoices(tx, params.id, named);
		const sent = url.searchParams.get('sent');
		return {
			pact,
			proposals,
			userId: user.id,
			entryNames: Object.fromEntries(entries.map((entry) => [entry.id, entry.name])),
			mayDecide: pact.mayWrite,
			mayPropose: partner !== null && (await mayPropose(tx, pact.id)),
			sent: sent && proposals.some((proposal) => proposal.id === sent) ? sent : null
		};
	});
}) satisfies PageServerLoad;

/** A refused decision, said beside the proposal it was about. */
function refused(status: number, proposal: string, message: MessageKey, reason = '') {
	return fail(status, { proposal, message, reason, reasonError: null as MessageKey | null });
}

function proposalOf(form: FormData): string | null {
	const id = form.get('proposal');
	return typeof id === 'string' && isUuid(id) ? id.toLowerCase() : null;
}

export const actions = {
	accept: async (event) => {
		const user = requireUser(event);
		const proposal = proposalOf(await event.request.formData());
		if (!proposal) return refused(400, '', 'pactProposals.decisionInvalid');
		try {
			await acceptProposal(event.locals.db, (await runtime()).collab, user.id, proposal);
		} catch (error) {
			const key = proposalRefusalKey(error);
			if (!key) throw error;
			return refused(key === 'pactProposals.error.refused' ? 403 : 400, proposal, key);
		}
		return { decided: proposal, accepted: true };
	},
	decline: async (event) => {
		requireUser(event);
		const form = await event.request.formData();
		const proposal = proposalOf(form);
		if (!proposal) return refused(400, '', 'pactProposals.decisionInvalid');
		const given = form.get('reason');
		const reason = typeof given === 'string' ? typedText(storable(given)) : '';
		const reasonError: MessageKey | null = !reason
			? 'pactProposals.error.reasonRequired'
			: reason.length > REASON_MAX
				? 'pactProposals.error.reasonLength'
				: null;
		if (reasonError) return fail(400, { proposal, message: 'common.formErrors' as MessageKey, reason, reasonError });
		try {
			await event.locals.db((tx) => declineProposal(tx, proposal, reason));
		} catch (error) {
			const key = proposalRefusalKey(error);
			if (!key) throw error;
			return refused(key === 'pactProposals.error.refused' ? 403 : 400, proposal, key, reason);
		}
		return { decided: proposal, accepted: false };
	}
} satisfies Actions;
