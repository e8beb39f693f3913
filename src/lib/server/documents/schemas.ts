import { z } from 'zod';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../documents/kinds.ts';
import { isReviewDue } from '../../documents/review-due.ts';

// The document forms, validated at the edge; messages are i18n keys.
const title = z.string().trim().min(2, 'documents.titleLength').max(200, 'documents.titleLength');

export const newDocumentSchema = z.object({
	title,
	kind: z.enum(DOCUMENT_KINDS, { error: 'documents.kindInvalid' })
});

export const renameSchema = z.object({ title });

export const statusSchema = z.object({
	status: z.enum(DOCUMENT_STATUSES, { error: 'documents.statusInvalid' }),
	// Read only when the status chosen is "in review"; an empty field is no deadline.
	reviewDue: z
		.string()
		.trim()
		.optional()
		.transform((value) => value || null)
		.refine((value) => value === null || isReviewDue(value, new Date()), 'approval.dueInvalid')
});

export const reopenSchema = z.object({
	status: z.enum(['draft', 'in_review'], { error: 'approval.reopenStatusInvalid' }),
	reason: z.string().trim().min(1, 'approval.reasonRequired').max(500, 'approval.reasonRequired')
});

export const versionSchema = z.object({
	name: z.string().trim().min(1, 'versions.nameLength').max(120, 'versions.nameLength')
});

/** The list's GET parameters: anything unknown is simply no filter. */
export function listQuery(params: URLSearchParams) {
	const kind = params.get('kind');
	const status = params.get('status');
	return {
		q: (params.get('q') ?? '').trim().slice(0, 200),
		kind: DOCUMENT_KINDS.find((k) => k === kind) ?? null,
		status: DOCUMENT_STATUSES.find((s) => s === status) ?? null
	};
}

