import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/guards';
import { runtime } from '$lib/server/runtime';
import { refusalKey } from '$lib/server/db/errors';
import { parseAttachments, unavailableRefusal } from '$lib/server/attachments/choice';
import { unavailableFiles } from '$lib/server/attachments/queries';
import { loadActionPage } from '$lib/server/plan/action-page';
import { followUpRefusal, postProgress, recordVerification } from '$lib/server/plan/follow-up-writes';
import { listActions } from '$lib/server/plan/queries';
import { readProgressForm, readVerificationForm } from '$lib/plan/follow-up-form';
import { isStorable, storable } from '$lib/storable-text';
import type { MessageKey } from '$lib/i18n/translate';

// An action of a co-design plan: where it stands, its history, and the two
// forms of its follow-up. Whoever the database lets (may_post_progress) posts
// progress; a facilitator records the partners' verdict, and may open a
// revised action in the plan at the same time.
export const load = (async (event) => {
	requireUser(event);
	await event.parent();
	const { locals, params } = event;
	return locals.db((tx) => loadActionPage(tx, params.id, params.docId, params.actionId));
}) satisfies PageServerLoad;

type Form = 'progress' | 'verification';

/** What a refused form hands back: which form, its message, each field's problem, and what was typed. */
function refused(status: number, form: Form, data: FormData, message: MessageKey | null, errors: Record<string, MessageKey> = {}) {
	const values: Record<string, string> = {};
	for (const [name, value] of data) if (typeof value === 'string' && name !== 'attachment') values[name] = storable(value);
	return fail(status, { form, message: message ?? ('common.formErrors' as MessageKey), errors, values });
}

/** Text the database cannot store, refused beside its field before anything reads it. */
function unstorable(data: FormData): Record<string, MessageKey> {
	const errors: Record<string, MessageKey> = {};
	for (const [name, value] of data) if (typeof value === 'string' && !isStorable(value)) errors[name] = 'errors.text_unstorable';
	return errors;
}

export const actions = {
	progress: async (event) => {
		requireUser(event);
		const { locals, params, request } = event;
		const data = await request.formData();
		const bad = unstorable(data);
		if (Object.keys(bad).length > 0) return refused(400, 'progress', data, null, bad);
		const place = { networkId: params.id, documentId: params.docId, actionId: params.actionId.toLowerCase() };
		const action = await locals.db(async (tx) => (await listActions(tx, place.documentId)).find((known) => known.id === place.actionId));
		if (!action) return refused(404, 'progress', data, 'planFollowUp.error.actionGone');
		const read = readProgressForm(data, action.indicators);
		if (read.problems) return refused(400, 'progress', data, null, read.problems);
		const files = parseAttachments(data);
		if (files.failure) return files.failure;
		try {
			await locals.db(async (tx) => {
				const gone = await unavailableFiles(tx, place.networkId, files.data);
				if (gone.length > 0) throw Object.assign(new Error('files gone'), { gone });
				await postProgress(tx, place, read.input, files.data);
			});
		} catch (error) {
			if ((error as { gone?: string[] }).gone) return unavailableRefusal(data, (error as { gone: string[] }).gone);
			const refusal = followUpRefusal(error);
			if (refusal === 'refused') return refused(403, 'progress', data, 'planFollowUp.error.mayNotPost');
			if (refusal === 'percent') return refused(400, 'progress', data, null, { percent: 'planFollowUp.error.percentRange' });
			const key = refusalKey(error);
			if (!key) throw error;
			return refused(400, 'progress', data, key);
		}
		return { form: 'progress' as Form, posted: true };
	},
	verify: async (event) => {
		const user = requireUser(event);
		const { locals, params, request } = event;
		const data = await request.formData();
		const bad = unstorable(data);
		if (Object.keys(bad).length > 0) return refused(400, 'verification', data, null, bad);
		const read = readVerificationForm(data);
		if (read.problems) {
			const { form: expired, ...fields } = read.problems;
			return refused(400, 'verification', data, expired ?? null, fields);
		}
		const place = { networkId: params.id, documentId: params.docId, actionId: params.actionId.toLowerCase() };
		try {
			await recordVerification(locals.db, (await runtime()).collab, user.id, place, read.input);
		} catch (error) {
			if ((error as { code?: string }).code === 'action_gone') return refused(404, 'verification', data, 'planFollowUp.error.actionGone');
			if (followUpRefusal(error) === 'refused') return refused(403, 'verification', data, 'planFollowUp.error.mayNotVerify');
			const key = refusalKey(error);
			if (!key) throw error;
			return refused(400, 'verification', data, key);
		}
		return { form: 'verification' as Form, verified: true, revisedId: read.input.revised?.id ?? null };
	}
} satisfies Actions;
