import type { PageServerLoad } from './$types';
import { listPartners } from '$lib/server/networks/partners';
import { loadCommentedDocument } from '$lib/server/comments/load';
import { listMapChoices } from '$lib/server/pact/map-choices';
import { ownPartner } from '$lib/server/pact/proposals';
import { readPlan } from '$lib/server/plan/queries';
import { listProgress, listVerifications } from '$lib/server/plan/follow-up';
import { listCommitmentChoices } from '$lib/server/plan/commitment-choices';

// A co-design document's plan, co-written live beside its text (as the pact's
// commitments page): 404 for a document of another kind.
export const load = (async (event) => {
	const { more, ...opened } = await loadCommentedDocument(event, {
		kind: 'co_design',
		more: async (tx, doc) => ({
			partners: await listPartners(tx, event.params.id),
			/** Every entry of the network's maps: the needs an objective addresses. */
			choices: await listMapChoices(tx, event.params.id),
			/** Every commitment of the network's pacts: what an action carries out. */
			commitments: await listCommitmentChoices(tx, event.params.id),
			/** The partner this person speaks for: its actions come first in the by-partner view. */
			ownPartnerId: (await ownPartner(tx, event.params.id))?.id ?? null,
			/** The follow-up, for each action's status and whether it is late. */
			progress: await listProgress(tx, doc.id),
			verifications: await listVerifications(tx, doc.id),
			/**
			 * The plan as last projected into SQL, on a full page load only: it shows at first paint
			 * and without JavaScript, until the live document takes over.
			 */
			projected: event.isDataRequest ? null : await readPlan(tx, doc.id)
		})
	});
	return { ...opened, ...more, today: new Date().toISOString().slice(0, 10) };
}) satisfies PageServerLoad;
