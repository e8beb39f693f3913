// What is new on an open thread page: where the "new messages" divider goes,
// and which posts have just arrived (to be announced to screen readers).

interface Post {
	id: string;
	author: { id: string | null };
	createdAt: Date | string;
}

/**
 * The id of the first reply written by someone else after `since`, before
 * which the page draws its divider; null when there is none. The person's
 * own replies are never news to them.
 */
export function firstNewReply(replies: readonly Post[], since: Date | string | null, selfId: string): string | null {
	if (since === null) return null;
	const after = new Date(since).getTime();
	return replies.find((reply) => reply.author.id !== selfId && new Date(reply.createdAt).getTime() > after)?.id ?? null;
}

/** The posts (replies, or threads in a list) by others that are not among the ids already shown. */
export function arrivedPosts<P extends Post>(shown: ReadonlySet<string>, posts: readonly P[], selfId: string): P[] {
	return posts.filter((post) => !shown.has(post.id) && post.author.id !== selfId);
}
