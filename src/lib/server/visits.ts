import type { Queryable } from './db/types.ts';

export interface Visit {
	/** When the person last looked before this visit; null the first time. */
	previous: Date | null;
	/** This visit. */
	seenAt: Date;
}

/**
 * Records that the person is looking at a thread (or a document's comments)
 * now, and says when they looked before: what came after that is new to them.
 */
export async function recordVisit(tx: Queryable, networkId: string, subjectId: string): Promise<Visit> {
	// The CTE reads the row as it was before the upsert: one statement, one snapshot.
	const { rows } = await tx.query<Visit>(
		`with before as (
		   select seen_at from public.visits where user_id = (select auth.uid()) and subject_id = $2
		 )
		 insert into public.visits (network_id, subject_id) values ($1, $2)
		 on conflict (user_id, subject_id) do update set seen_at = now()
		 returning (select seen_at from before) as previous, seen_at as "seenAt"`,
		[networkId, subjectId]
	);
	return rows[0];
}
