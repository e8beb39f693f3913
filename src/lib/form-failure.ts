import type { MessageKey } from '$lib/i18n';

/** What a refused form action hands back to its page (see server/forms.ts). */
export interface Failed {
	errors: Partial<Record<string, MessageKey>>;
	values: Record<string, string>;
	message?: MessageKey;
}

/**
 * A page's ActionData as a refusal, or null when the last action succeeded
 * (or none ran). SvelteKit unions every action's result, so each field is optional.
 */
export function failureOf(
	form: { errors?: Failed['errors']; values?: Failed['values']; message?: MessageKey } | null | undefined
): Failed | null {
	return form?.errors ? { errors: form.errors, values: form.values ?? {}, message: form.message } : null;
}
