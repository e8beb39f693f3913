// Discussions as a person sees them: every function runs in a transaction
// opened as the person (locals.db), so row-level security decides which
// threads and messages exist for them. Nothing here filters permissions.
import type { Queryable } from '../db/types.ts';
import { renderMarkdown } from '../markdown.ts';
import type { ThreadFilter } from '../../discussions/filters.ts';
import type { AttachedFile } from '../../attachments/types.ts';
import { attachmentsOf } from '../attachments/queries.ts';

/** Who wrote something; no name when the account is gone or no longer shares a network with the reader. */
export interface Author {
	id: string | null;
	name: string | null;
	organisation: string | null;
}

/** What the list and the thread page both show of a thread. */
export interface ThreadHead {
	id: string;
	title: string;
	pinned: boolean;
	closed: boolean;
	author: Author;
	createdAt: Date;
	lastMessageAt: Date;
	replyCount: number;
	document: { id: string; title: string } | null;
}

export interface ThreadSummary extends ThreadHead {
	/** Never opened by this person, and started by someone else. */
	isNew: boolean;
	/** Replies by others since this person last opened the thread (all of them if never). */
	unread: number;
}

interface AuthorColumns {
	authorId: string | null;
	authorName: string | null;
	authorOrganisation: string | null;
}

interface HeadRow extends AuthorColumns {
	id: string;
	title: string;
	pinned: boolean;
	closed: boolean;
	createdAt: Date;
	lastMessageAt: Date;
	replyCount: number;
	documentId: string | null;
	documentTitle: string | null;
}

// Every query here names the thread t, its author's profile p and its document d.
const HEAD = `t.id, t.title, t.pinned, t.closed, t.created_at as "createdAt", t.last_message_at as "lastMessageAt",
	t.message_count as "replyCount", t.author_id as "authorId", p.display_name as "authorName",
	p.organisation as "authorOrganisation", d.id as "documentId", d.title as "documentTitle"`;
const HEAD_JOINS = `left join public.profiles p on p.id = t.author_id
	left join public.documents d on d.id = t.document_id`;

const authorOf = (row: AuthorColumns): Author => ({
	id: row.authorId,
	name: row.authorName,
	organisation: row.authorOrganisation
});

function headOf(row: HeadRow): ThreadHead {
	return {
		id: row.id,
		title: row.title,
		pinned: row.pinned,
		closed: row.closed,
		author: authorOf(row),
		createdAt: row.createdAt,
		lastMessageAt: row.lastMessageAt,
		replyCount: row.replyCount,
		// A document the reader cannot see, or one since deleted, is no link.
		document: row.documentId && row.documentTitle ? { id: row.documentId, title: row.documentTitle } : null
	};
}

export interface ThreadList {
	threads: ThreadSummary[];
	/** How many threads each filter holds, for the filter's labels. */
	counts: Record<ThreadFilter, number>;
}

/**
 * The threads of a network, pinned first, then by last activity, with what
 * is new for this person: their visit row says when they last opened each.
 */
export async function listThreads(
	tx: Queryable,
	networkId: string,
	{ filter, limit, offset = 0 }: { filter: ThreadFilter; limit: number; offset?: number }
): Promise<ThreadList> {
	const { rows } = await tx.query<HeadRow & { isNew: boolean; unread: number }>(
		`select ${HEAD},
		        (v.seen_at is null and t.author_id is distinct from (select auth.uid())) as "isNew",
		        (select count(*) from public.thread_messages m
		         where m.thread_id = t.id and m.author_id is distinct from (select auth.uid())
		           and (v.seen_at is null or m.created_at > v.seen_at))::int as unread
		 from public.threads t
		 ${HEAD_JOINS}
		 left join public.visits v on v.subject_id = t.id and v.user_id = (select auth.uid())
		 where t.network_id = $1 and ($2 = 'all' or t.closed = ($2 = 'closed'))
		 order by t.pinned desc, t.last_message_at desc, t.id
		 limit $3 offset $4`,
		[networkId, filter, limit, offset]
	);
	// One membership check for the whole count (see thread_counts()), not one per thread.
	const counts = await tx.query<{ open: number; closed: number }>(
		'select open_count as open, closed_count as closed from public.thread_counts($1)',
		[networkId]
	);
	const { open, closed } = counts.rows[0];
	return {
		threads: rows.map((row) => ({ ...headOf(row), isNew: row.isNew, unread: row.unread })),
		counts: { open, closed, all: open + closed }
	};
}

export interface Message {
	id: string;
	author: Author;
	createdAt: Date;
	/** Safe HTML rendered from the Markdown body. */
	bodyHtml: string;
	attachments: AttachedFile[];
}

export interface Thread extends ThreadHead {
	closedAt: Date | null;
	closedByName: string | null;
	/** The opening post; its id is the thread's. */
	opening: Message;
	replies: Message[];
}

interface MessageRow extends AuthorColumns {
	id: string;
	createdAt: Date;
	body: string;
}

const messageOf = (row: MessageRow, attachments: Map<string, AttachedFile[]>): Message => ({
	id: row.id,
	author: authorOf(row),
	createdAt: row.createdAt,
	bodyHtml: renderMarkdown(row.body),
	attachments: attachments.get(row.id) ?? []
});

/** One thread with all its replies, oldest first, and their files; null when it does not exist for this person in this network. */
export async function readThread(tx: Queryable, networkId: string, threadId: string): Promise<Thread | null> {
	const { rows } = await tx.query<HeadRow & { body: string; closedAt: Date | null; closedByName: string | null }>(
		`select ${HEAD}, t.body, t.closed_at as "closedAt", c.display_name as "closedByName"
		 from public.threads t
		 ${HEAD_JOINS}
		 left join public.profiles c on c.id = t.closed_by
		 where t.id = $1 and t.network_id = $2`,
		[threadId, networkId]
	);
	const row = rows[0];
	if (!row) return null;
	const replies = await tx.query<MessageRow>(
		`select m.id, m.created_at as "createdAt", m.body, m.author_id as "authorId",
		        p.display_name as "authorName", p.organisation as "authorOrganisation"
		 from public.thread_messages m
		 left join public.profiles p on p.id = m.author_id
		 where m.thread_id = $1
		 order by m.created_at, m.id`,
		[threadId]
	);
	const attachments = await attachmentsOf(tx, { threads: [row.id], messages: replies.rows.map((reply) => reply.id) });
	return {
		...headOf(row),
		closedAt: row.closedAt,
		closedByName: row.closedByName,
		opening: messageOf(row, attachments),
		replies: replies.rows.map((reply) => messageOf(reply, attachments))
	};
}
