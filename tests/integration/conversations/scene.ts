import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { FRAGMENT } from '../../../src/lib/editor/fragment.ts';
import { createDocument, createNetworkCast, type NetworkCast, type TestDocument, type TestUser } from '../factories.ts';

// Threads, replies, comments and their replies, posted the way the app posts
// them: as a person, through withUser, under the row-level policies and the
// triggers under test. Posting is rate-limited per account (12 a minute), so
// each test takes a cast of its own rather than sharing authors.

/** A network with one person per role, a document by its editor, and a network elsewhere. */
export interface Cast extends NetworkCast {
	document: TestDocument & { title: string };
}

export async function createCast(db: Database): Promise<Cast> {
	const cast = await createNetworkCast(db);
	const title = 'Patto di comunità 2027';
	return { ...cast, document: { ...(await createDocument(db, cast.network, cast.editor, { title })), title } };
}

export interface Thread {
	id: string;
	networkId: string;
}

export interface Comment {
	id: string;
	documentId: string;
	networkId: string;
}

export async function startThread(
	db: Database,
	author: TestUser,
	network: { id: string },
	options: { title?: string; body?: string; documentId?: string } = {}
): Promise<Thread> {
	const id = randomUUID();
	await withUser(db, author.claims, (tx) =>
		tx.query('insert into public.threads (id, network_id, title, body, document_id) values ($1, $2, $3, $4, $5)', [
			id,
			network.id,
			options.title ?? 'Calendario degli incontri',
			options.body ?? 'Proposta: un incontro al mese.',
			options.documentId ?? null
		])
	);
	return { id, networkId: network.id };
}

/** Returns the new message's id. */
export async function replyInThread(db: Database, author: TestUser, thread: Thread, body = 'D’accordo.'): Promise<string> {
	const id = randomUUID();
	await withUser(db, author.claims, (tx) =>
		tx.query('insert into public.thread_messages (id, thread_id, network_id, body) values ($1, $2, $3, $4)', [
			id,
			thread.id,
			thread.networkId,
			body
		])
	);
	return id;
}

/** The relative positions of the whole of `quote` in a paragraph, as the editor encodes a selection. */
export function anchorsOf(quote: string): { from: Uint8Array; to: Uint8Array } {
	const doc = new Y.Doc();
	const text = new Y.XmlText(quote);
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [text]);
	doc.getXmlFragment(FRAGMENT).insert(0, [paragraph]);
	const at = (index: number) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index));
	return { from: at(0), to: at(quote.length) };
}

export async function commentOn(
	db: Database,
	author: TestUser,
	document: { id: string; networkId: string },
	options: { body?: string; quote?: string } = {}
): Promise<Comment> {
	const id = randomUUID();
	const quote = options.quote ?? 'i partner si impegnano';
	const { from, to } = anchorsOf(quote);
	await withUser(db, author.claims, (tx) =>
		tx.query(
			`insert into public.comments (id, document_id, network_id, body, quote, anchor_from, anchor_to)
			 values ($1, $2, $3, $4, $5, $6, $7)`,
			[id, document.id, document.networkId, options.body ?? 'Serve una data precisa.', quote, Buffer.from(from), Buffer.from(to)]
		)
	);
	return { id, documentId: document.id, networkId: document.networkId };
}

/** Returns the new reply's id. */
export async function replyToComment(db: Database, author: TestUser, comment: Comment, body = 'Aggiunta.'): Promise<string> {
	const id = randomUUID();
	await withUser(db, author.claims, (tx) =>
		tx.query('insert into public.comment_replies (id, comment_id, document_id, network_id, body) values ($1, $2, $3, $4, $5)', [
			id,
			comment.id,
			comment.documentId,
			comment.networkId,
			body
		])
	);
	return id;
}

export interface NotificationRow {
	id: string;
	recipient_id: string;
	kind: 'mention' | 'reply' | 'comment';
	actor_id: string | null;
	thread_id: string | null;
	message_id: string | null;
	document_id: string | null;
	comment_id: string | null;
	excerpt: string;
}

const allNotifications = async (db: Database) =>
	(
		await db.query<NotificationRow>(
			`select id, recipient_id, kind::text as kind, actor_id, thread_id, message_id, document_id, comment_id, excerpt
			 from public.notifications`
		)
	).rows;

/**
 * The notifications that `post` wrote, read by the service (whatever the
 * policies would show), and who was told what as sorted [recipient, kind] pairs.
 */
export async function notificationsFrom(db: Database, post: () => Promise<unknown>) {
	const before = new Set((await allNotifications(db)).map((n) => n.id));
	await post();
	const rows = (await allNotifications(db)).filter((n) => !before.has(n.id));
	return { rows, told: rows.map((n) => [n.recipient_id, n.kind]).sort() };
}
