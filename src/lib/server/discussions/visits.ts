import type { Queryable } from '../db/types.ts';

/**
 * Records that the person is looking at a thread (or a document's comments)
 * now, and returns when they last looked before, null the first time: what
 * came after that is what is new for them.
 */
export async function recordVisit(tx: Queryable, networkId: string, subjectId: string): Promise<Date | null> {
	// The CTE reads the row as it was before the upsert: one statement, one snapshot.
	const { rows } = await tx.query<{ previous: Date | null }>(
		`with before as (
		   select seen_at from public.visits where user_id = (select auth.uid()) and subject_id = $2
		 )
		 insert into public.visits (network_id, subject_id) values ($1, $2)
		 on conflict (user_id, subject_id) do update set seen_at = now()
		 returning (select seen_at from before) as previous`,
		[networkId, subjectId]
	);
	return rows[0].previous;
}
