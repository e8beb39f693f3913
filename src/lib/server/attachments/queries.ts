// Attachments, read and written as the person (locals.db): the policies
// decide who may attach (the post's author, who may still write where it
// is) and who sees them (the network's members); the foreign keys keep a
// post's files in its own network; a trigger stops an eleventh.
import type { Queryable } from '../db/types.ts';
import type { AttachedFile } from '../../attachments/types.ts';

/** The post files are attached to: exactly one of a thread's opening message, a reply, a comment, a comment's reply. */
export type AttachmentPost = { thread: string } | { message: string } | { comment: string } | { reply: string };

const columnsOf = (post: AttachmentPost) => [
	'thread' in post ? post.thread : null,
	'message' in post ? post.message : null,
	'comment' in post ? post.comment : null,
	'reply' in post ? post.reply : null
];

/**
 * The chosen files this person cannot attach in this network: deleted,
 * binned, another network's, or never there. Asked before the post is
 * written, so a refusal leaves nothing behind and the form can say which.
 */
export async function unavailableFiles(tx: Queryable, networkId: string, fileIds: string[]): Promise<string[]> {
	if (fileIds.length === 0) return [];
	const { rows } = await tx.query<{ id: string }>(
		`select chosen.id from unnest($2::uuid[]) as chosen (id)
		 where not exists (select 1 from public.files f
		                   where f.id = chosen.id and f.network_id = $1 and f.deleted_at is null)`,
		[networkId, fileIds]
	);
	return rows.map((row) => row.id);
}

/** Attaches the files to a post just written by this person, in the same transaction. */
export async function attachFiles(tx: Queryable, networkId: string, post: AttachmentPost, fileIds: string[]): Promise<void> {
	if (fileIds.length === 0) return;
	await tx.query(
		`insert into public.attachments (network_id, file_id, thread_id, message_id, comment_id, reply_id)
		 select $1, chosen.id, $3, $4, $5, $6 from unnest($2::uuid[]) as chosen (id)`,
		[networkId, fileIds, ...columnsOf(post)]
	);
}

/**
 * Writes a post with its files: checks the files, runs `post`, and attaches
 * them to what `posted` says it wrote (null when the post itself was refused,
 * which attaches nothing). All in the caller's transaction, so a refused
 * attachment takes the post back with it.
 */
export async function postAttaching<T>(
	tx: Queryable,
	networkId: string,
	fileIds: string[],
	post: () => Promise<T>,
	posted: (result: T) => AttachmentPost | null
): Promise<T | { unavailable: string[] }> {
	const unavailable = await unavailableFiles(tx, networkId, fileIds);
	if (unavailable.length > 0) return { unavailable };
	const result = await post();
	const target = posted(result);
	if (target) await attachFiles(tx, networkId, target, fileIds);
	return result;
}

/** The posts of one page whose files to read. */
export interface PagePosts {
	threads?: string[];
	messages?: string[];
	comments?: string[];
	replies?: string[];
}

/**
 * The files attached to a page's posts, in one query for the whole page,
 * by the id of the post they are on (post ids are UUIDs, unique across the
 * four kinds), each post's files by name.
 */
export async function attachmentsOf(tx: Queryable, posts: PagePosts): Promise<Map<string, AttachedFile[]>> {
	const { threads = [], messages = [], comments = [], replies = [] } = posts;
	const found = new Map<string, AttachedFile[]>();
	if (threads.length + messages.length + comments.length + replies.length === 0) return found;
	const { rows } = await tx.query<AttachedFile & { postId: string }>(
		`select coalesce(a.thread_id, a.message_id, a.comment_id, a.reply_id) as "postId",
		        f.id as "fileId", f.name, f.size::float8 as size, f.content_type as "contentType",
		        f.deleted_at is not null as "inBin"
		 from public.attachments a
		 join public.files f on f.id = a.file_id
		 where a.thread_id = any ($1::uuid[]) or a.message_id = any ($2::uuid[])
		    or a.comment_id = any ($3::uuid[]) or a.reply_id = any ($4::uuid[])
		 order by lower(f.name), f.id`,
		[threads, messages, comments, replies]
	);
	for (const { postId, ...file } of rows) {
		const list = found.get(postId) ?? [];
		list.push(file);
		found.set(postId, list);
	}
	return found;
}
