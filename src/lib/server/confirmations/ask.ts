import { fail } from '@sveltejs/kit';
import type { Confirmation, Sentence } from '../../confirmation.ts';

/**
 * The answer of a destructive action that was not confirmed: nothing was
 * done (428, Precondition Required: the request lacks what the server asks
 * for), and the page gets what would follow, to ask.
 */
export function askFirst(confirmation: Confirmation) {
	return fail(428, { confirmation });
}

/** One sentence of a count: none says nothing, one and many read differently. */
export function counted(count: number, one: Sentence['key'], many: Sentence['key']): Sentence[] {
	if (count === 0) return [];
	return [count === 1 ? { key: one } : { key: many, params: { count } }];
}
