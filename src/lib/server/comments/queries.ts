// A document's comments and replies, read and written as the person
// (locals.db): the policies decide who sees and who may post, resolve or
// reopen. Every write names the document and network it expects, and reads
// them from the row it hangs on, so a forged id finds nothing rather than
// writing across networks.
import type { Queryable } from '../db/types.ts';
import type { AttachedFile } from '../../attachments/types.ts';
import { attachmentsOf } from '../attachments/queries.ts';

export interface AuthorRow {
	authorId: string | null;
	authorName: string | null;
	authorOrganisation: string | null;
}

export interface CommentRow extends AuthorRow {
	id: string;
	quote: string;
	body: string;
	anchorFrom: Uint8Array;
	anchorTo: Uint8Array;
	createdAt: Date;
	resolved: boolean;
	resolvedAt: Date | null;
	resolvedByName: string | null;
}

export interface ReplyRow extends AuthorRow {
	id: string;
	commentId: string;
	body: string;
	createdAt: Date;
}

const AUTHOR = `x.author_id as "authorId", p.display_name as "authorName", p.organisation as "authorOrganisation"`;

export interface CommentRows {
	comments: CommentRow[];
	replies: ReplyRow[];
	/** The files of each comment and reply, by its id. */
	attachments: Map<string, AttachedFile[]>;
}

/** The document's comments, oldest first, all their replies, oldest first, and their files. */
export async function listComments(tx: Queryable, documentId: string): Promise<CommentRows> {
	const comments = await tx.query<CommentRow>(
		`select x.id, x.quote, x.body, x.anchor_from as "anchorFrom", x.anchor_to as "anchorTo",
		        x.created_at as "createdAt", x.resolved, x.resolved_at as "resolvedAt",
		        r.display_name as "resolvedByName", ${AUTHOR}
		 from public.comments x
		 left join public.profiles p on p.id = x.author_id
		 left join public.profiles r on r.id = x.resolved_by
		 where x.document_id = $1
		 order by x.created_at, x.id`,
		[documentId]
	);
	const replies = await tx.query<ReplyRow>(
		`select x.id, x.comment_id as "commentId", x.body, x.created_at as "createdAt", ${AUTHOR}
		 from public.comment_replies x
		 left join public.profiles p on p.id = x.author_id
		 where x.document_id = $1
		 order by x.created_at, x.id`,
		[documentId]
	);
	const attachments = await attachmentsOf(tx, {
		comments: comments.rows.map((comment) => comment.id),
		replies: replies.rows.map((reply) => reply.id)
	});
	return { comments: comments.rows, replies: replies.rows, attachments };
}

export interface NewComment {
	body: string;
	quote: string;
	anchorFrom: Uint8Array;
	anchorTo: Uint8Array;
}

/**
 * Comments on a range of the document's text. Returns the new id, or null
 * when the document is not one this person can see in this network.
 */
export async function addComment(
	tx: Queryable,
	place: { networkId: string; documentId: string },
	comment: NewComment
): Promise<string | null> {
	const { rows } = await tx.query<{ id: string }>(
		`insert into public.comments (document_id, network_id, body, quote, anchor_from, anchor_to)
		 select d.id, d.network_id, $3, $4, $5, $6 from public.documents d
		 where d.id = $1 and d.network_id = $2
		 returning id`,
		[
			place.documentId,
			place.networkId,
			comment.body,
			comment.quote,
			Buffer.from(comment.anchorFrom),
			Buffer.from(comment.anchorTo)
		]
	);
	return rows[0]?.id ?? null;
}

/** Replies to a comment of this document; null when no such comment is visible. */
export async function addReply(
	tx: Queryable,
	place: { networkId: string; documentId: string; commentId: string },
	body: string
): Promise<string | null> {
	const { rows } = await tx.query<{ id: string }>(
		`insert into public.comment_replies (comment_id, document_id, network_id, body)
		 select c.id, c.document_id, c.network_id, $4 from public.comments c
		 where c.id = $3 and c.document_id = $1 and c.network_id = $2
		 returning id`,
		[place.documentId, place.networkId, place.commentId, body]
	);
	return rows[0]?.id ?? null;
}

/** Resolves or reopens; false when the policies hid the comment from this change. */
export async function setResolved(
	tx: Queryable,
	place: { networkId: string; documentId: string; commentId: string },
	resolved: boolean
): Promise<boolean> {
	const { rows } = await tx.query(
		`update public.comments set resolved = $4
		 where id = $3 and document_id = $1 and network_id = $2
		 returning id`,
		[place.documentId, place.networkId, place.commentId, resolved]
	);
	return rows.length === 1;
}
