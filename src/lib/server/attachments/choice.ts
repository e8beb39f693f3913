// The files a post's form asks to attach: one `attachment` field per file.
// parseForm keeps one value per name, so these are read on their own, and
// only their shape is checked here; whether each file exists in the network,
// out of the bin, is the database's answer (queries.ts).
import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { isMessageKey } from '$lib/i18n/translate';
import { isUuid } from '../../uuid.ts';
import { ATTACHMENTS_MAX, ATTACHMENT_FIELD, chosenFileError } from '../../attachments/types.ts';
import { refuse, type FormFailure } from '../forms.ts';

const chosenIds = z
	.array(z.string().refine(isUuid, 'attachments.invalid'))
	.max(ATTACHMENTS_MAX, 'attachments.tooMany')
	.refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, 'attachments.duplicate');

/** The chosen files' ids, in the order chosen, or the refusal that keeps what was typed. */
export function parseAttachments(
	form: FormData
): { data: string[]; failure?: undefined } | { data?: undefined; failure: ActionFailure<FormFailure> } {
	const result = chosenIds.safeParse(form.getAll(ATTACHMENT_FIELD).filter((value) => typeof value === 'string'));
	if (result.success) return { data: result.data };
	const { message } = result.error.issues[0];
	return { failure: refuse(400, form, isMessageKey(message) ? message : 'common.formErrors', { field: ATTACHMENT_FIELD }) };
}

/** Chosen files that were deleted or binned meanwhile: said for the form, and on each one's chip. */
export function unavailableRefusal(form: FormData, fileIds: string[]): ActionFailure<FormFailure> {
	const { data } = refuse(400, form, 'attachments.unavailable');
	const errors: FormFailure['errors'] = Object.fromEntries(
		fileIds.map((id) => [chosenFileError(id), 'attachments.unavailableFile'])
	);
	return fail(400, { ...data, errors });
}
