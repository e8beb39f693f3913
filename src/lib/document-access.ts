// Who may do what with a document, as the pages show it. The database and
// the collab server decide for real (RLS, may_set_status,
// may_write_document); these functions only choose which controls to offer
// and which explanation to give.
import type { Role } from '$lib/domain';
import type { DocumentStatus } from '$lib/documents/kinds';

/** Why the text cannot be changed here. */
export type ReadOnlyReason = 'commenter' | 'viewer' | 'approved' | 'archived';

/** The explanation for a person whom the database does not let write (`mayWrite`), or null when it does. */
export function readOnlyReason(role: Role, mayWrite: boolean, status: DocumentStatus): ReadOnlyReason | null {
	if (mayWrite) return null;
	if (role === 'commenter' || role === 'viewer') return role;
	return status === 'approved' ? 'approved' : 'archived';
}

/**
 * The statuses a person may choose from, the current one included so a
 * select shows it. Facilitators approve and archive; editors move a draft
 * into review and back, and cannot touch an approved or archived document.
 * An approved document leaves approval by being reopened, with a reason
 * (its own form), or archived. An empty list means the status is shown, not offered.
 */
export function statusChoices(role: Role, current: DocumentStatus): DocumentStatus[] {
	if (role === 'facilitator') return current === 'approved' ? ['approved', 'archived'] : ['draft', 'in_review', 'approved', 'archived'];
	if (role === 'editor' && (current === 'draft' || current === 'in_review')) return ['draft', 'in_review'];
	return [];
}

/** Whether the person may rename the document (the policy on documents, and an approved title stays). */
export function mayRename(role: Role, status: DocumentStatus): boolean {
	if (status === 'approved') return false;
	return role === 'facilitator' || (role === 'editor' && (status === 'draft' || status === 'in_review'));
}

/** Whether to offer "Riapri": only facilitators bring an approved document back (reopen_document). */
export const mayReopen = (role: Role, status: DocumentStatus): boolean => role === 'facilitator' && status === 'approved';
