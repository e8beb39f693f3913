// Approval and review in the demo network: the minutes of the November
// meeting are approved with their kept version, as approve_document leaves
// an approval, and the pact is in review with a deadline ten days on.
import type { Queryable } from './types.ts';

/** The approved minutes' text kept as the approval's version, by the facilitator who approved them. */
export async function keepDemoApproval(
	tx: Queryable,
	doc: { id: string; by: string },
	version: { state: Uint8Array; text: string }
): Promise<void> {
	const { rows } = await tx.query<{ id: string }>(
		`insert into public.document_versions (document_id, name, state, content_text, created_by, created_at)
		 values ($1, 'Approvato il 14 novembre 2026', $2, $3, $4, '2026-11-14 17:30+01') returning id`,
		[doc.id, Buffer.from(version.state), version.text, doc.by]
	);
	await tx.query(
		`insert into public.document_approvals (document_id, version_id, approved_by, approved_at) values ($1, $2, $3, '2026-11-14 17:30+01')`,
		[doc.id, rows[0].id, doc.by]
	);
}

/** Gives the review under way of `documentId` a deadline ten days after the demo is seeded. */
export async function setDemoReviewDeadline(tx: Queryable, documentId: string): Promise<void> {
	await tx.query(`update public.documents set review_due = (now() at time zone 'Europe/Rome')::date + 10 where id = $1`, [documentId]);
}
