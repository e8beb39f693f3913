// When a person last looked at a thread or at a document's comments: what
// others wrote after that is new to them.
import type { Queryable } from './db/types.ts';

/**
 * Records that the person is looking at `subjectId` (a thread or a document
 * of the network) now, and returns when they had looked before, or null on
 * their first visit. Runs as the person: the policies keep visits private.
 */
export async function recordVisit(
	tx: Queryable,
	visit: { networkId: string; subjectId: string }
): Promise<Date | null> {
	const { rows } = await tx.query<{ seenBefore: Date | null }>(
		`with previous as (
		   select seen_at from public.visits where user_id = (select auth.uid()) and subject_id = $2
		 )
		 insert into public.visits (network_id, subject_id) values ($1, $2)
		 on conflict (user_id, subject_id) do update set seen_at = now()
		 returning (select seen_at from previous) as "seenBefore"`,
		[visit.networkId, visit.subjectId]
	);
	return rows[0]?.seenBefore ?? null;
}
