import type { ActionFailure, RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { MessageKey } from '$lib/i18n/translate';
import type { Queryable } from '../db/types.ts';
import { attempt, parseForm, refuse, type FormFailure } from '../forms.ts';
import type { Change } from './changes.ts';

/** What a file space form answers when its change is made: a sentence for the page, naming what changed. */
export interface Done {
	done: MessageKey;
	/** The name, and the id when the page may offer to undo the change (a file binned). */
	params: { name: string; id?: string };
}

/**
 * A form action of the file space pages: validates the form, runs one
 * change as the person and answers with `done` (filled with the name the
 * file or folder has afterwards) or why not, keeping what was typed. A
 * refusal — explained by the change itself, or raised by the database (a
 * policy, a trigger, a name taken: attempt()) — is said on `field` when
 * given, otherwise for the whole form; one the policies made silently, by
 * hiding the row, is "not allowed". Other failures propagate to handleError.
 */
export function fileAction<S extends z.ZodType>(
	schema: S,
	run: (tx: Queryable, networkId: string, data: z.output<S>) => Promise<Change<Done['params']>>,
	done: MessageKey,
	field?: string
) {
	return async ({ request, locals, params }: RequestEvent<{ id: string }>): Promise<Done | ActionFailure<FormFailure>> => {
		const form = await request.formData();
		const { data, failure } = parseForm(schema, form);
		if (failure) return failure;
		const outcome = await attempt(form, () => locals.db((tx) => run(tx, params.id, data)), 'files.notAllowed', field);
		if (outcome === 'hidden') return refuse(403, form, 'files.notAllowed');
		if ('ok' in outcome) return { done, params: outcome.ok };
		if ('refused' in outcome) return refuse(400, form, outcome.refused, field ? { field } : {});
		// The database refused it, in attempt()'s words.
		return outcome;
	};
}
