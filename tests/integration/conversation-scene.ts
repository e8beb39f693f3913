import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../src/lib/server/db/types.ts';
import type { TestUser } from './factories.ts';

// Threads, messages and comments as scene for the notification and activity
// tests. They are written with the service connection, naming their author,
// so that a test can post many without meeting the posting rate limit; the
// triggers that notify and record run all the same.

export async function postThread(
	db: Queryable,
	network: { id: string },
	author: TestUser,
	options: { title?: string; body?: string } = {}
): Promise<string> {
	const id = randomUUID();
	await db.query('insert into public.threads (id, network_id, title, body, author_id) values ($1, $2, $3, $4, $5)', [
		id,
		network.id,
		options.title ?? 'Calendario del tavolo',
		options.body ?? 'Proposta di calendario.',
		author.id
	]);
	return id;
}

export async function postMessage(db: Queryable, thread: string, network: { id: string }, author: TestUser, body: string): Promise<string> {
	const id = randomUUID();
	await db.query('insert into public.thread_messages (id, thread_id, network_id, body, author_id) values ($1, $2, $3, $4, $5)', [
		id,
		thread,
		network.id,
		body,
		author.id
	]);
	return id;
}

export async function postComment(
	db: Queryable,
	document: { id: string; networkId: string },
	author: TestUser,
	body: string,
	quote = 'tirocini inclusivi'
): Promise<string> {
	const id = randomUUID();
	await db.query(
		`insert into public.comments (id, document_id, network_id, body, quote, anchor_from, anchor_to, author_id)
		 values ($1, $2, $3, $4, $5, '\\x01'::bytea, '\\x02'::bytea, $6)`,
		[id, document.id, document.networkId, body, quote, author.id]
	);
	return id;
}

/** Records `user` as having written in the document, as the collab server does. */
export async function contribute(db: Queryable, document: { id: string }, user: TestUser): Promise<void> {
	await db.query('insert into public.document_contributors (document_id, user_id) values ($1, $2) on conflict do nothing', [
		document.id,
		user.id
	]);
}
