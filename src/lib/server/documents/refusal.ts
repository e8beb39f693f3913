import type { ActionFailure } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n/translate';
import { refusalKey } from '../db/errors.ts';
import { refuse, type FormFailure } from '../forms.ts';

/**
 * Runs a change the database may refuse and answers a refusal with this
 * form's own explanation (who may do what with a document), rather than the
 * network-wide "only facilitators" message. A change that reports false
 * (RLS hid the row) is refused the same way; other failures propagate.
 */
export async function attemptDocumentChange<T>(
	form: FormData,
	message: MessageKey,
	change: () => Promise<T>
): Promise<Exclude<T, false> | ActionFailure<FormFailure>> {
	try {
		const result = await change();
		if (result === false) return refuse(403, form, message);
		return result as Exclude<T, false>;
	} catch (error) {
		if (!refusalKey(error)) throw error;
		return refuse(403, form, message);
	}
}
