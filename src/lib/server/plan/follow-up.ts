// A plan's follow-up as the person reads it (RLS decides): the progress
// updates on its actions and the verifications of them, newest first.
import type { Queryable } from '../db/types.ts';
import type { ProgressUpdate, Verification } from '../../plan/plan.ts';

export async function listProgress(tx: Queryable, documentId: string, actionId?: string): Promise<ProgressUpdate[]> {
	const { rows } = await tx.query<ProgressUpdate>(
		`select p.id, p.action_id as "actionId", p.status::text as status, p.percent, p.indicator_values as "indicatorValues",
		        p.note, p.file_ids as "fileIds", p.posted_by as "postedBy", coalesce(u.display_name, '') as "postedByName",
		        to_char(p.posted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "postedAt"
		 from public.plan_progress p
		 left join public.profiles u on u.id = p.posted_by
		 where p.document_id = $1 and ($2::uuid is null or p.action_id = $2)
		 order by p.posted_at desc, p.id`,
		[documentId, actionId ?? null]
	);
	return rows;
}

export async function listVerifications(tx: Queryable, documentId: string, actionId?: string): Promise<Verification[]> {
	const { rows } = await tx.query<Verification>(
		`select v.id, v.action_id as "actionId", v.verdict::text as verdict, v.reason, v.next_step as "nextStep",
		        v.next_action_id as "nextActionId", v.recorded_by as "recordedBy", coalesce(u.display_name, '') as "recordedByName",
		        to_char(v.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "recordedAt"
		 from public.plan_verifications v
		 left join public.profiles u on u.id = v.recorded_by
		 where v.document_id = $1 and ($2::uuid is null or v.action_id = $2)
		 order by v.recorded_at desc, v.id`,
		[documentId, actionId ?? null]
	);
	return rows;
}
