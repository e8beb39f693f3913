import type { Actions, PageServerLoad } from './$types';
import { listPartners } from '$lib/server/networks/partners';
import { addEntryComment, listEntryComments } from '$lib/server/comments/queries';
import { entryCommentSchema } from '$lib/server/comments/schemas';
import { entryCommentViews } from '$lib/server/comments/views';
import { loadCommentedDocument } from '$lib/server/comments/load';
import { commentAction, replyAction, resolveAction } from '$lib/server/comments/actions';
import { runtime } from '$lib/server/runtime';
import { listEntries } from '$lib/server/map/queries';
import { NO_FILTER } from '$lib/map/filter';

export const load = (async (event) => {
	const { more, ...commented } = await loadCommentedDocument(event, {
		kind: 'territorial_map',
		more: async (tx, doc) => ({
			partners: await listPartners(tx, event.params.id),
			/** Every comment on the map's entries, removed entries' too; EntryComments shows one entry's. */
			entryComments: entryCommentViews(await listEntryComments(tx, doc.id)),
			/**
			 * The entries as last projected into SQL, on a full page load only: they show at first paint and
			 * without JavaScript, until the live document takes over. A page already running has its live
			 * document: a navigation or a live reload skips them.
			 */
			projected: event.isDataRequest ? null : await listEntries(tx, event.params.id, doc.id, NO_FILTER)
		})
	});
	return {
		...commented,
		...more,
		/** Where the map's background comes from; null draws a plain one. */
		tiles: (await runtime()).config.map.tiles
	};
}) satisfies PageServerLoad;

export const actions = {
	comment: commentAction(entryCommentSchema, addEntryComment),
	reply: replyAction,
	resolve: resolveAction
} satisfies Actions;
