// Which comment controls a person is offered. The database decides for real
// (may_comment() and the comments policies); these mirror its rules only to
// avoid showing a button that would be refused.
import type { Role } from '$lib/domain';
import type { DocumentStatus } from '$lib/documents/kinds';

/** Facilitators, editors and commenters comment, even where they may not edit; nobody comments on an archived document. */
export function mayComment(role: Role, status: DocumentStatus): boolean {
	return role !== 'viewer' && status !== 'archived';
}

/** A comment is resolved or reopened by its author, or by an editor or facilitator. */
export function mayResolve(options: { role: Role; status: DocumentStatus; authorId: string | null; userId: string }): boolean {
	const { role, status, authorId, userId } = options;
	if (!mayComment(role, status)) return false;
	return role === 'facilitator' || role === 'editor' || authorId === userId;
}
