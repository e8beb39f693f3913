import type { Actions, PageServerLoad } from './$types';
import { listPartners } from '$lib/server/networks/partners';
import { addEntryComment, listEntryComments } from '$lib/server/comments/queries';
import { entryCommentSchema } from '$lib/server/comments/schemas';
import { entryCommentViews } from '$lib/server/comments/views';
import { loadCommentedDocument } from '$lib/server/comments/load';
import { commentAction, replyAction, resolveAction } from '$lib/server/comments/actions';
import { listCommitments } from '$lib/server/pact/queries';
import { listMapChoices } from '$lib/server/pact/map-choices';
import { proposalsAtGlance } from '$lib/server/pact/proposals';

export const load = (async (event) => {
	const { more, ...commented } = await loadCommentedDocument(event, {
		kind: 'community_pact',
		more: async (tx, doc) => ({
			partners: await listPartners(tx, event.params.id),
			/** Every entry of the network's maps: the needs a commitment answers, the entries it brings, the gaps. */
			choices: await listMapChoices(tx, event.params.id),
			/** Every comment on the pact's commitments, removed ones' too; EntryComments shows one commitment's. */
			entryComments: entryCommentViews(await listEntryComments(tx, doc.id)),
			/** Proposals by the partners' people: whether this person may make one, and how many wait for a decision. */
			proposals: await proposalsAtGlance(tx, event.params.id, doc.id),
			/**
			 * The commitments as last projected into SQL, on a full page load only: they show at first paint
			 * and without JavaScript, until the live document takes over (as the map's entries page does).
			 */
			projected: event.isDataRequest ? null : await listCommitments(tx, doc.id)
		})
	});
	return { ...commented, ...more };
}) satisfies PageServerLoad;

export const actions = {
	comment: commentAction(entryCommentSchema, addEntryComment),
	reply: replyAction,
	resolve: resolveAction
} satisfies Actions;
