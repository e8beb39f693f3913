// Rows become what the page shows: Markdown rendered safely here on the
// server, so the browser never parses a body itself.
import { renderMarkdown } from '../markdown.ts';
import type { Author, CommentView, ReplyView } from '../../comments/types.ts';
import type { AuthorRow, CommentRows } from './queries.ts';

const authorOf = (row: AuthorRow): Author => ({
	id: row.authorId,
	name: row.authorName,
	organisation: row.authorOrganisation ?? ''
});

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export function commentViews(rows: CommentRows): CommentView[] {
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
	return rows.comments.map((row) => ({
		id: row.id,
		quote: row.quote,
		html: renderMarkdown(row.body),
		author: authorOf(row),
		createdAt: row.createdAt.toISOString(),
		resolved: row.resolved,
		resolvedAt: row.resolvedAt?.toISOString() ?? null,
		resolvedByName: row.resolvedByName,
		anchorFrom: base64(row.anchorFrom),
		anchorTo: base64(row.anchorTo),
		attachments: filesOf(row.id),
		replies: replies.get(row.id) ?? []
	}));
}
