import type { ActionFailure } from '@sveltejs/kit';
import { attempt, parseForm, type FormFailure } from './forms.ts';
import { accessDecisionSchema } from './access-schemas.ts';
import { decideAccessRequest } from './networks/access-requests.ts';
import type { AccessDecided } from '../access/requests.ts';
import type { Queryable } from './db/types.ts';

/**
 * The "Accogli / Rifiuta" form, wherever it is (the inbox, the members
 * page): the database refuses anyone but the network's facilitators, and a
 * request someone else answered first.
 */
export async function decideFromForm(
	db: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>,
	form: FormData
): Promise<{ accessDecided: AccessDecided } | ActionFailure<FormFailure>> {
	const { data, failure } = parseForm(accessDecisionSchema, form);
	if (failure) return failure;
	return attempt(form, async () => {
		const { id, requesterName, role, status } = await db((tx) => decideAccessRequest(tx, data.id, data.decision === 'grant'));
		return { accessDecided: { id, requesterName, role, status } };
	});
}
