import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import type { MessageKey } from '$lib/i18n/translate';
import type { Queryable } from '$lib/server/db/types';
import { LIVE_KEYS } from '$lib/live';
import { attempt, attemptChange, parseForm, refuse } from '$lib/server/forms';
import { isUuid } from '$lib/uuid';
import { listMembers } from '$lib/server/networks/members';
import { replySchema } from '$lib/server/discussions/schemas';
import { readThread } from '$lib/server/discussions/threads';
import { deleteThread, reply, setClosed, setPinned } from '$lib/server/discussions/posting';
import { recordVisit } from '$lib/server/visits';
import { isConfirmed } from '$lib/confirmation';
import { askFirst } from '$lib/server/confirmations/ask';
import { threadDeletion } from '$lib/server/confirmations/thread';
import { withMentions } from '$lib/server/mentions';
import { mentionableMembers } from '$lib/mention-autocomplete';
import { parseAttachments, unavailableRefusal } from '$lib/server/attachments/choice';
import { postAttaching } from '$lib/server/attachments/queries';

export const load = (async ({ locals, params, parent, depends }) => {
	// The network layout has already answered 404/403 for the network itself.
	await parent();
	depends(LIVE_KEYS.discussions);
	// Attached files renamed, binned or deleted in the file space.
	depends(LIVE_KEYS.files);
	if (!isUuid(params.threadId)) error(404, 'discussions.notFound');
	const userId = locals.user!.id;
	const found = await locals.db(async (tx) => {
		const thread = await readThread(tx, params.id, params.threadId);
		if (!thread) return null;
		return {
			thread,
			visit: await recordVisit(tx, params.id, thread.id),
			members: mentionableMembers(await listMembers(tx, params.id), userId)
		};
	});
	if (!found) error(404, 'discussions.notFound');
	return { ...found, userId };
}) satisfies PageServerLoad;

type ThreadEvent = RequestEvent<{ id: string; threadId: string }>;

/** A form action that changes the thread and answers with what was done, or why it was refused. */
function change(
	run: (tx: Queryable, networkId: string, threadId: string) => Promise<boolean>,
	refused: MessageKey,
	done: MessageKey
) {
	return async ({ request, locals, params }: ThreadEvent) => {
		const form = await request.formData();
		const failure = await attemptChange(form, () => locals.db((tx) => run(tx, params.id, params.threadId)), refused);
		return failure ?? { done };
	};
}

export const actions = {
	reply: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(replySchema, form);
		if (failure) return failure;
		const files = parseAttachments(form);
		if (files.failure) return files.failure;
		const outcome = await attempt(form, () =>
			locals.db((tx) =>
				postAttaching(
					tx,
					params.id,
					files.data,
					async () => reply(tx, params.id, params.threadId, await withMentions(tx, params.id, data.body, data.mentions)),
					(replied) => ('ok' in replied ? { message: replied.ok } : null)
				)
			)
		);
		if ('unavailable' in outcome) return unavailableRefusal(form, outcome.unavailable);
		if ('refused' in outcome) return refuse(403, form, outcome.refused);
		if (!('ok' in outcome)) return outcome;
		return { replied: outcome.ok };
	},
	pin: change((tx, network, thread) => setPinned(tx, network, thread, true), 'discussions.moderateRefused', 'discussions.pinnedDone'),
	unpin: change((tx, network, thread) => setPinned(tx, network, thread, false), 'discussions.moderateRefused', 'discussions.unpinnedDone'),
	close: change((tx, network, thread) => setClosed(tx, network, thread, true), 'discussions.closeRefused', 'discussions.closedDone'),
	reopen: change((tx, network, thread) => setClosed(tx, network, thread, false), 'discussions.closeRefused', 'discussions.reopenedDone'),
	delete: async ({ request, locals, params }) => {
		const form = await request.formData();
		if (!isConfirmed(form)) {
			const question = await locals.db((tx) => threadDeletion(tx, params.id, params.threadId));
			return question ? askFirst(question) : refuse(404, form, 'discussions.notFound');
		}
		const failure = await attemptChange(
			form,
			() => locals.db((tx) => deleteThread(tx, params.id, params.threadId)),
			'discussions.moderateRefused'
		);
		if (failure) return failure;
		redirect(303, `/networks/${params.id}/discussions?deleted`);
	}
} satisfies Actions;
