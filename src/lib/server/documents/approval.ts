// Approving, reopening and asking for review, as the person (locals.db):
// the SQL functions and policies of 20261207171000_approval_and_review.sql
// decide who may, and keep the record. Nothing here checks a role.
import type { Queryable } from '../db/types.ts';

/**
 * Approves the document keeping `version` (the text as the collab server
 * holds it now) as a named version, in the caller's transaction; returns the
 * kept version's id. Refused (42501) unless the person is a facilitator.
 */
export async function approveDocument(
	tx: Queryable,
	documentId: string,
	version: { name: string; state: Uint8Array; text: string }
): Promise<string> {
	const { rows } = await tx.query<{ kept: string }>('select public.approve_document($1, $2, $3, $4) as kept', [
		documentId,
		Buffer.from(version.state),
		version.text,
		version.name
	]);
	return rows[0].kept;
}

/** Brings an approved document back to draft or review, keeping the reason; refused unless a facilitator. */
export async function reopenDocument(
	tx: Queryable,
	documentId: string,
	status: 'draft' | 'in_review',
	reason: string
): Promise<void> {
	await tx.query('select public.reopen_document($1, $2, $3)', [documentId, status, reason]);
}

/**
 * Puts the document in review with an optional deadline (or moves the
 * deadline of the review under way); the database tells the reviewers.
 * False when the policies hid the row from this change.
 */
export async function requestReview(tx: Queryable, networkId: string, documentId: string, due: string | null): Promise<boolean> {
	const { rows } = await tx.query(
		`update public.documents set status = 'in_review', review_due = $3::date where id = $1 and network_id = $2 returning id`,
		[documentId, networkId, due]
	);
	return rows.length === 1;
}

export interface ApprovalState {
	/** The approval in force, when the document is approved and was approved in Trama. */
	approval: { approvedAt: Date; approvedByName: string | null; versionId: string; versionName: string | null } | null;
	/** The deadline of the review under way (yyyy-mm-dd), when it has one. */
	reviewDue: string | null;
}

/** What the document page says about approval and review. */
export async function approvalState(tx: Queryable, documentId: string): Promise<ApprovalState> {
	const { rows } = await tx.query<{ status: string; reviewDue: string | null }>(
		`select status::text as status, to_char(review_due, 'YYYY-MM-DD') as "reviewDue" from public.documents where id = $1`,
		[documentId]
	);
	const doc = rows[0];
	if (!doc || doc.status !== 'approved') return { approval: null, reviewDue: doc?.reviewDue ?? null };
	const approvals = await tx.query<NonNullable<ApprovalState['approval']>>(
		`select a.approved_at as "approvedAt", p.display_name as "approvedByName", a.version_id as "versionId", v.name as "versionName"
		 from public.document_approvals a
		 join public.document_versions v on v.id = a.version_id
		 left join public.profiles p on p.id = a.approved_by
		 where a.document_id = $1
		   and not exists (select 1 from public.document_reopenings r where r.document_id = a.document_id and r.reopened_at > a.approved_at)
		 order by a.approved_at desc
		 limit 1`,
		[documentId]
	);
	return { approval: approvals.rows[0] ?? null, reviewDue: null };
}
