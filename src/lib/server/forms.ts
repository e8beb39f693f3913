import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { isMessageKey, type MessageKey } from '$lib/i18n/translate';
import { refusalKey } from './db/errors.ts';
import { isStorable, storable } from '../storable-text.ts';

/** What a refused form returns: per-field message keys and what was typed, never a password. */
export interface FormFailure {
	errors: Partial<Record<string, MessageKey>>;
	values: Record<string, string>;
	message?: MessageKey;
	params?: Record<string, string | number>;
}

const SECRET = /password/i;

/** Browsers send a textarea's line breaks as CRLF: counted as one character, as typed, and trimmed. */
export const typedText = (value: string) => value.replace(/\r\n?/g, '\n').trim();

/**
 * What was typed, to show again: without what could not be stored, so sending
 * it again works. A name sent more than once (ticked checkboxes) keeps all its
 * values, joined by commas.
 */
function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) {
		if (typeof value !== 'string' || SECRET.test(name)) continue;
		values[name] = name in values ? `${values[name]},${storable(value)}` : storable(value);
	}
	return values;
}

/**
 * Validates a submitted form against a schema. On failure returns the
 * ActionFailure to hand back to the page, keeping everything typed. Text
 * the database cannot store (a NUL, a lone surrogate) is refused here for
 * every form, beside its field, before any schema or query sees it.
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData
): { data: z.output<S>; failure?: undefined } | { data?: undefined; failure: ActionFailure<FormFailure> } {
	// A name sent more than once (ticked checkboxes) reaches the schema as a list.
	const raw: Record<string, string | string[]> = {};
	const errors: FormFailure['errors'] = {};
	for (const [name, value] of form) {
		if (typeof value !== 'string') continue;
		const earlier = raw[name];
		raw[name] = earlier === undefined ? value : [earlier, value].flat();
		if (!isStorable(value)) errors[name] = 'errors.text_unstorable';
	}
	const result = schema.safeParse(raw);
	if (result.success && Object.keys(errors).length === 0) return { data: result.data };
	for (const issue of result.error?.issues ?? []) {
		const field = String(issue.path[0] ?? '');
		errors[field] ??= isMessageKey(issue.message) ? issue.message : 'common.formErrors';
	}
	return { failure: fail(400, { errors, values: formValues(form) }) };
}

/** A refusal that concerns the whole form (or one field), keeping what was typed. */
export function refuse(
	status: number,
	form: FormData,
	message: MessageKey,
	options: { field?: string; params?: Record<string, string | number> } = {}
): ActionFailure<FormFailure> {
	return fail(status, {
		errors: options.field ? { [options.field]: message } : {},
		values: formValues(form),
		message: options.field ? undefined : message,
		params: options.params
	});
}

/**
 * Runs a change the database may refuse (a policy, a trigger, a constraint)
 * and turns such a refusal into the form's answer; other failures propagate.
 * `notAllowed` explains a refusal by the policies in this form's own terms
 * (who may do what with a document, say) instead of the general message;
 * other refusals are said on `field` when given (a name taken belongs
 * beside the name), otherwise for the whole form.
 */
export async function attempt<T>(
	form: FormData,
	change: () => Promise<T>,
	notAllowed: MessageKey = 'errors.not_allowed',
	field?: string
): Promise<T | ActionFailure<FormFailure>> {
	try {
		return await change();
	} catch (error) {
		const key = refusalKey(error);
		if (!key) throw error;
		return key === 'errors.not_allowed' ? refuse(403, form, notAllowed) : refuse(400, form, key, field ? { field } : {});
	}
}

/**
 * Runs a change that reports whether it touched its row. No row means the
 * policies hid it from this person, so the answer is "not allowed"; null
 * means the change was made.
 */
export async function attemptChange(
	form: FormData,
	change: () => Promise<boolean>,
	notAllowed: MessageKey = 'errors.not_allowed'
): Promise<ActionFailure<FormFailure> | null> {
	const result = await attempt(form, change, notAllowed);
	if (result === true) return null;
	if (result === false) return refuse(403, form, notAllowed);
	return result;
}
