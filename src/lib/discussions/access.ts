// Who may do what in a discussion, as the pages show it. The database decides
// for real (the policies on threads and thread_messages, may_post_in_thread,
// the pinning trigger); these functions only choose which controls to offer
// and which explanation to give.
import type { Role } from '$lib/domain';

/** Why a person cannot write in a thread, or null when they can. */
export type PostingBlock = 'closed' | 'viewer';

/** A closed thread is closed for everyone; otherwise viewers read and everyone else writes. */
export function postingBlock(role: Role, thread: { closed: boolean }): PostingBlock | null {
	if (thread.closed) return 'closed';
	return role === 'viewer' ? 'viewer' : null;
}

/** Viewers read; every other role may start a discussion. */
export const mayStartThread = (role: Role): boolean => role !== 'viewer';

/** Pinning and deleting are the facilitators'. */
export const mayModerate = (role: Role): boolean => role === 'facilitator';

/** Facilitators close and reopen any thread; its author may too, unless they have become a viewer. */
export function mayClose(role: Role, isAuthor: boolean): boolean {
	return role === 'facilitator' || (isAuthor && (role === 'editor' || role === 'commenter'));
}
