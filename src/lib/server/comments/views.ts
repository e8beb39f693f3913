// Rows become what the page shows: Markdown rendered safely here on the
// server, so the browser never parses a body itself.
import { renderMarkdown } from '../markdown.ts';
import type { Author, CommentThreadView, CommentView, EntryCommentView, ReplyView } from '../../comments/types.ts';
import type { AuthorRow, CommentRow, CommentRows, EntryCommentRow, StoredComment } from './queries.ts';

const authorOf = (row: AuthorRow): Author => ({
	id: row.authorId,
	name: row.authorName,
	organisation: row.authorOrganisation ?? ''
});

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Each comment as every place shows it, with its replies and files, passed to `place` for what that place adds. */
function threadViews<C extends StoredComment, V>(rows: CommentRows<C>, place: (row: C, view: CommentThreadView) => V): V[] {
	const filesOf = (id: string) => rows.attachments.get(id) ?? [];
	const replies = new Map<string, ReplyView[]>();
	for (const reply of rows.replies) {
		const list = replies.get(reply.commentId) ?? [];
		list.push({
			id: reply.id,
			html: renderMarkdown(reply.body),
			author: authorOf(reply),
			createdAt: reply.createdAt.toISOString(),
			attachments: filesOf(reply.id)
		});
		replies.set(reply.commentId, list);
	}
	return rows.comments.map((row) =>
		place(row, {
			id: row.id,
			quote: row.quote,
			html: renderMarkdown(row.body),
			author: authorOf(row),
			createdAt: row.createdAt.toISOString(),
			resolved: row.resolved,
			resolvedAt: row.resolvedAt?.toISOString() ?? null,
			resolvedByName: row.resolvedByName,
			attachments: filesOf(row.id),
			replies: replies.get(row.id) ?? []
		})
	);
}

export function commentViews(rows: CommentRows<CommentRow>): CommentView[] {
	return threadViews(rows, (row, view) => ({ ...view, anchorFrom: base64(row.anchorFrom), anchorTo: base64(row.anchorTo) }));
}

export function entryCommentViews(rows: CommentRows<EntryCommentRow>): EntryCommentView[] {
	return threadViews(rows, (row, view) => ({ ...view, entryId: row.entryId }));
}
