// What is new to a person: the "Nuovo" markers (since their last visit) and
// what others did while the page was open (told to screen readers).
import type { CommentThreadView } from './types.ts';

/** Written by someone else after the person last looked (everything is, on a first visit). */
export function isNew(item: { author: { id: string | null }; createdAt: string }, since: string | null, userId: string): boolean {
	return item.author.id !== userId && (since === null || Date.parse(item.createdAt) > Date.parse(since));
}

export interface Arrival {
	kind: 'comment' | 'reply' | 'resolved' | 'reopened';
	commentId: string;
	/** Who did it, when known. */
	name: string | null;
	quote: string;
}

/**
 * What others did between two loads of the comments: new comments, new
 * replies, resolutions and reopenings. The person's own posts are left out
 * (they are told by their own form); a change of resolution does not say who
 * reopened, so the caller leaves out the ones it made itself.
 */
export function arrivals(before: readonly CommentThreadView[], after: readonly CommentThreadView[], userId: string): Arrival[] {
	const previous = new Map(before.map((comment) => [comment.id, comment]));
	const found: Arrival[] = [];
	for (const comment of after) {
		const about = { commentId: comment.id, quote: comment.quote };
		const old = previous.get(comment.id);
		if (!old) {
			if (comment.author.id !== userId) found.push({ kind: 'comment', name: comment.author.name, ...about });
			continue;
		}
		const known = new Set(old.replies.map((reply) => reply.id));
		for (const reply of comment.replies) {
			if (!known.has(reply.id) && reply.author.id !== userId) found.push({ kind: 'reply', name: reply.author.name, ...about });
		}
		if (old.resolved !== comment.resolved) {
			found.push({ kind: comment.resolved ? 'resolved' : 'reopened', name: comment.resolvedByName, ...about });
		}
	}
	return found;
}
