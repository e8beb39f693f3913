import type { ActionFailure, RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { MessageKey } from '$lib/i18n/translate';
import type { Queryable } from '../db/types.ts';
import { refusalKey } from '../db/errors.ts';
import { parseForm, refuse, type FormFailure } from '../forms.ts';
import type { Named } from './changes.ts';

/** What a file space form answers when its change is made: a sentence for the page, naming what changed. */
export interface Done {
	done: MessageKey;
	params: { name: string };
}

/**
 * A form action of the file space pages: validates the form, runs one
 * change as the person and answers with `done` (filled with the name the
 * file or folder has afterwards) or why not, keeping what was typed. A
 * refusal — explained by the change itself, or raised by the database (a
 * policy, a trigger, a name taken) — is said on `field` when given (a name
 * taken belongs beside the name), otherwise for the whole form; one the
 * policies made silently, by hiding the row, is "not allowed". Other
 * failures propagate to handleError.
 */
export function fileAction<S extends z.ZodType>(
	schema: S,
	run: (tx: Queryable, networkId: string, data: z.output<S>) => Promise<Named>,
	done: MessageKey,
	field?: string
) {
	return async ({ request, locals, params }: RequestEvent<{ id: string }>): Promise<Done | ActionFailure<FormFailure>> => {
		const form = await request.formData();
		const { data, failure } = parseForm(schema, form);
		if (failure) return failure;
		let outcome: Named;
		try {
			outcome = await locals.db((tx) => run(tx, params.id, data));
		} catch (error) {
			const key = refusalKey(error);
			if (!key) throw error;
			outcome = key === 'errors.not_allowed' ? 'hidden' : { refused: key };
		}
		if (outcome === 'hidden') return refuse(403, form, 'files.notAllowed');
		if ('refused' in outcome) return refuse(400, form, outcome.refused, field ? { field } : {});
		return { done, params: { name: outcome.ok.name } };
	};
}
