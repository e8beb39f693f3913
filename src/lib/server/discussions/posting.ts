// Writing in discussions, as the person: the policies, the posting-rate
// trigger and the checks on lengths decide; these functions only say, where
// they can, why something was refused in words the person can act on.
import type { MessageKey } from '$lib/i18n/translate';
import type { Queryable } from '../db/types.ts';

/** What a change that the rules may refuse comes to: done, or refused with a reason. */
export type Outcome<T = true> = { ok: T } | { refused: MessageKey };

export interface NewThread {
	title: string;
	body: string;
	document: string | null;
}

/** Starts a thread; a document to link must be one of this network's that the person can see. */
export async function startThread(tx: Queryable, networkId: string, input: NewThread): Promise<Outcome<string>> {
	if (input.document) {
		const { rows } = await tx.query('select 1 from public.documents where id = $1 and network_id = $2', [
			input.document,
			networkId
		]);
		if (rows.length === 0) return { refused: 'discussions.documentInvalid' };
	}
	const { rows } = await tx.query<{ id: string }>(
		'insert into public.threads (network_id, title, body, document_id) values ($1, $2, $3, $4) returning id',
		[networkId, input.title, input.body, input.document]
	);
	return { ok: rows[0].id };
}

/**
 * Replies in a thread. The thread is read first only to explain a refusal
 * (closed, or a role that reads); the insert's policy is what enforces it.
 */
export async function reply(tx: Queryable, networkId: string, threadId: string, body: string): Promise<Outcome<string>> {
	const { rows } = await tx.query<{ closed: boolean; mayPost: boolean }>(
		`select closed, public.may_post_in_thread(id) as "mayPost" from public.threads where id = $1 and network_id = $2`,
		[threadId, networkId]
	);
	const thread = rows[0];
	if (!thread) return { refused: 'discussions.notFound' };
	if (!thread.mayPost) return { refused: thread.closed ? 'discussions.closedRefused' : 'discussions.viewerRefused' };
	const inserted = await tx.query<{ id: string }>(
		'insert into public.thread_messages (thread_id, network_id, body) values ($1, $2, $3) returning id',
		[threadId, networkId, body]
	);
	return { ok: inserted.rows[0].id };
}

/** Pins or unpins (facilitators); false when the policies hid the thread from this change. */
export async function setPinned(tx: Queryable, networkId: string, threadId: string, pinned: boolean): Promise<boolean> {
	const { rows } = await tx.query('update public.threads set pinned = $3 where id = $1 and network_id = $2 returning id', [
		threadId,
		networkId,
		pinned
	]);
	return rows.length === 1;
}

/** Closes or reopens (facilitators and the thread's author); false when the policies refused. */
export async function setClosed(tx: Queryable, networkId: string, threadId: string, closed: boolean): Promise<boolean> {
	const { rows } = await tx.query('update public.threads set closed = $3 where id = $1 and network_id = $2 returning id', [
		threadId,
		networkId,
		closed
	]);
	return rows.length === 1;
}

/** Deletes a thread and its replies (facilitators); false when the policies refused. */
export async function deleteThread(tx: Queryable, networkId: string, threadId: string): Promise<boolean> {
	const { rows } = await tx.query('delete from public.threads where id = $1 and network_id = $2 returning id', [
		threadId,
		networkId
	]);
	return rows.length === 1;
}
