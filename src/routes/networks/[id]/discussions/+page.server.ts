import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { LIVE_KEYS } from '$lib/live';
import { attempt, parseForm, refuse } from '$lib/server/forms';
import { listMembers } from '$lib/server/networks/members';
import { newThreadSchema } from '$lib/server/discussions/schemas';
import { THREADS_PER_PAGE, threadListQuery } from '$lib/discussions/filters';
import { listThreads } from '$lib/server/discussions/threads';
import { startThread } from '$lib/server/discussions/posting';
import { withMentions } from '$lib/server/mentions';
import { chooseDocument } from '$lib/server/discussions/document-choice';
import { mentionableMembers } from '$lib/mention-autocomplete';
import { parseAttachments, unavailableRefusal } from '$lib/server/attachments/choice';
import { postAttaching } from '$lib/server/attachments/queries';

export const load = (async ({ locals, params, url, depends }) => {
	// Anyone's new thread, reply, pin or close refreshes the list.
	depends(LIVE_KEYS.discussions);
	const { filter, page } = threadListQuery(url.searchParams);
	const userId = locals.user!.id;
	return locals.db(async (tx) => {
		const list = await listThreads(tx, params.id, {
			filter,
			limit: THREADS_PER_PAGE,
			offset: (page - 1) * THREADS_PER_PAGE
		});
		return {
			query: { filter, page },
			...list,
			pages: Math.max(1, Math.ceil(list.counts[filter] / THREADS_PER_PAGE)),
			userId,
			deleted: url.searchParams.has('deleted'),
			members: mentionableMembers(await listMembers(tx, params.id), userId)
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	start: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(newThreadSchema, form);
		if (failure) return failure;
		const files = parseAttachments(form);
		if (files.failure) return files.failure;
		const outcome = await attempt(
			form,
			() =>
				locals.db(async (tx) => {
					const choice = await chooseDocument(tx, params.id, data);
					const body = await withMentions(tx, params.id, data.body, data.mentions);
					return 'refused' in choice
						? choice
						: postAttaching(
								tx,
								params.id,
								files.data,
								() => startThread(tx, params.id, { ...data, body, document: choice.document }),
								(started) => ('ok' in started ? { thread: started.ok } : null)
							);
				}),
			'discussions.startRefused'
		);
		if ('unavailable' in outcome) return unavailableRefusal(form, outcome.unavailable);
		// A title that names no single document: said on the field, with the documents it could mean.
		if ('candidates' in outcome) {
			const { data: said } = refuse(400, form, outcome.refused, { field: 'document' });
			return fail(400, { ...said, candidates: outcome.candidates });
		}
		// Said for the whole form: the document may have been deleted, and its choice with it.
		if ('refused' in outcome) return refuse(400, form, outcome.refused);
		if (!('ok' in outcome)) return outcome;
		redirect(303, `/networks/${params.id}/discussions/${outcome.ok}`);
	}
} satisfies Actions;
