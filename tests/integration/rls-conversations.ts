import { expect } from 'vitest';
import type { TestUser } from './factories.ts';
import {
	exists,
	MEMBERS,
	sawRow,
	SIGNED_IN,
	type ActorName,
	type Attempt,
	type ConversationScene,
	type DocumentScene,
	type Operation,
	type Table
} from './rls-types.ts';
import { mentionToken } from '../../src/lib/mentions.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// The conversations part of the row-level policy matrix (rls-matrix.test.ts).
// Read by editors and facilitators, the rules are:
// - threads: members see; facilitators, editors and commenters start them in
//   their own name; the facilitators pin (a trigger refuses anyone else),
//   close and delete; an editor or commenter closes the threads they started.
// - thread_messages, comment_replies: members see; facilitators, editors and
//   commenters write in their own name, while the thread is open or the
//   document is not archived.
// - comments: the same, and the comment's author, editors and facilitators
//   resolve and reopen it. Nobody changes what was written: bodies, titles,
//   quotes and anchors are outside the column grants, and nobody deletes.
// - A post names its thread or document together with its network: the
//   policies ask about the thread or document alone, so for those who may post
//   there it is the composite foreign key that keeps the post in its network.
// - visits: one's own only, recorded only in one's networks.
// - notifications: written by the database alone; seen and marked read by
//   their recipient, while still a member. notification_settings: one's own.
// - activity: members read; nobody writes, changes or deletes an entry, not
//   even the service (an append-only trigger); the facilitators export it.

/** Who may post in network A: start threads, reply, comment. */
const POSTERS: ActorName[] = ['facilitator', 'editor', 'commenter'];

/**
 * A thread with a reply, and a comment with a reply on `document`, all by
 * `author`; the reply mentions `reader`, who has looked at the thread since
 * and turned reply notifications off. Written by the service, so the
 * database's triggers add the notification and the activity entries.
 */
export async function createConversationScene(
	db: Database,
	document: DocumentScene,
	author: TestUser,
	reader: TestUser
): Promise<ConversationScene> {
	const network = document.networkId;
	const id = async (sql: string, params: unknown[]) => (await db.query<{ id: string }>(sql, params)).rows[0].id;
	const threadId = await id(
		`insert into public.threads (network_id, title, body, document_id, author_id)
		 values ($1, 'Calendario degli incontri', 'Propongo un incontro al mese.', $2, $3) returning id`,
		[network, document.id, author.id]
	);
	const readerName = await id('select display_name as id from public.profiles where id = $1', [reader.id]);
	const messageId = await id(
		'insert into public.thread_messages (thread_id, network_id, body, author_id) values ($1, $2, $3, $4) returning id',
		[threadId, network, `Ne parliamo giovedì, ${mentionToken(readerName, reader.id)}?`, author.id]
	);
	const commentId = await id(
		`insert into public.comments (document_id, network_id, body, quote, anchor_from, anchor_to, author_id)
		 values ($1, $2, 'Manca il centro diurno.', 'Servizi del territorio', $3, $4, $5) returning id`,
		[document.id, network, Buffer.from('inizio'), Buffer.from('fine'), author.id]
	);
	const replyId = await id(
		`insert into public.comment_replies (comment_id, document_id, network_id, body, author_id)
		 values ($1, $2, $3, 'Lo aggiungo nella sezione sanitaria.', $4) returning id`,
		[commentId, document.id, network, author.id]
	);
	await db.query('insert into public.visits (user_id, network_id, subject_id) values ($1, $2, $3)', [
		reader.id,
		network,
		threadId
	]);
	await db.query(`insert into public.notification_settings (user_id, muted) values ($1, '{reply}')`, [reader.id]);
	const notificationId = await id(
		`select id from public.notifications where recipient_id = $1 and message_id = $2 and kind = 'mention'`,
		[reader.id, messageId]
	);
	const activityId = await id(
		`select id::text as id from public.activity where subject_id = $1 and action = 'thread_started'`,
		[threadId]
	);
	return { author, reader, threadId, messageId, commentId, replyId, notificationId, activityId };
}

type Prepare = NonNullable<Operation['prepare']>;

// Rows of network A that belong to the acting person, written by the service
// with the attempt's id: what people try to change or remove of their own.
const ownThread: Prepare = (tx, w, self, at) =>
	tx.query(
		`insert into public.threads (id, network_id, title, body, author_id) values ($1, $2, 'Una proposta', 'Ne parliamo?', $3)`,
		[at.id, w.a.id, self!.id]
	);
const ownMessage: Prepare = (tx, w, self, at) =>
	tx.query(`insert into public.thread_messages (id, thread_id, network_id, body, author_id) values ($1, $2, $3, 'Ci sono.', $4)`, [
		at.id,
		w.conversationA.threadId,
		w.a.id,
		self!.id
	]);
const ownComment: Prepare = (tx, w, self, at) =>
	tx.query(
		`insert into public.comments (id, document_id, network_id, body, quote, anchor_from, anchor_to, author_id)
		 values ($1, $2, $3, 'Da rivedere.', 'territorio', $4, $4, $5)`,
		[at.id, w.documentA.id, w.a.id, Buffer.from('qui'), self!.id]
	);
const ownReply: Prepare = (tx, w, self, at) =>
	tx.query(
		`insert into public.comment_replies (id, comment_id, document_id, network_id, body, author_id)
		 values ($1, $2, $3, $4, 'Concordo.', $5)`,
		[at.id, w.conversationA.commentId, w.documentA.id, w.a.id, self!.id]
	);
const ownNotification: Prepare = (tx, w, self, at) =>
	tx.query(
		`insert into public.notifications (id, recipient_id, network_id, kind, thread_id, excerpt)
		 values ($1, $2, $3, 'reply', $4, 'Ci sono.')`,
		[at.id, self!.id, w.a.id, w.conversationA.threadId]
	);
// Long ago, so that a later look shows.
const ownVisit: Prepare = (tx, w, self) =>
	tx.query(`insert into public.visits (user_id, network_id, subject_id, seen_at) values ($1, $2, $3, '2000-01-01')`, [
		self!.id,
		w.a.id,
		w.conversationA.threadId
	]);
const ownSettings: Prepare = (tx, _w, self) =>
	tx.query(`insert into public.notification_settings (user_id, muted) values ($1, '{}')`, [self!.id]);

/** Did the attempt's new row of `table` land, in the name of the person who acted? */
const writtenBy =
	(table: Table): Operation['tookEffect'] =>
	(tx, _w, self, _rows, at) =>
		exists(tx, `select 1 from public.${table} where id = $1 and author_id = $2`, [at.id, self?.id ?? null]);

/** Did the attempt's new row of `table` land at all? */
const wroteRow =
	(table: Table): Operation['tookEffect'] =>
	(tx, _w, _self, _rows, at) =>
		exists(tx, `select 1 from public.${table} where id = $1`, [at.id]);

/**
 * Writing a row in another person's name is asked twice: as the app's role
 * stands, where the column grant leaves `column` out, and with that column
 * lent to the role inside the attempt's transaction (rolled back like the
 * rest), so that the policy's own check is asked too and a policy that forgot
 * it cannot hide behind the grant.
 */
function inAnotherName(op: Omit<Operation, 'allowed' | 'prepare'>, column: 'author_id' | 'user_id'): Operation[] {
	return [
		{ ...op, allowed: [] },
		{
			...op,
			phrase: `${op.phrase}, even were ${column} its to set`,
			allowed: [],
			prepare: (tx) => tx.query(`grant insert (${column}) on table public.${op.table} to authenticated`)
		}
	];
}

/** Changing a column the update grant leaves out, in a row of one's own: nobody may, not even its author. */
function rewrite(table: Table, noun: string, own: Prepare, column: string, value: (at: Attempt) => unknown): Operation {
	return {
		table,
		phrase: `change the ${column} of ${noun}`,
		actors: SIGNED_IN,
		allowed: [],
		prepare: own,
		act: (tx, _w, _self, at) => tx.query(`update public.${table} set ${column} = $2 where id = $1`, [at.id, value(at)]),
		tookEffect: (tx, _w, _self, _rows, at) =>
			exists(tx, `select 1 from public.${table} where id = $1 and ${column} = $2`, [at.id, value(at)])
	};
}

/** Deleting a row of one's own from a table nobody deletes from. */
function erase(table: Table, noun: string, own: Prepare): Operation {
	return {
		table,
		phrase: `delete ${noun}`,
		actors: SIGNED_IN,
		allowed: [],
		prepare: own,
		act: (tx, _w, _self, at) => tx.query(`delete from public.${table} where id = $1`, [at.id]),
		tookEffect: async (tx, _w, _self, _rows, at) => !(await exists(tx, `select 1 from public.${table} where id = $1`, [at.id]))
	};
}

const text = (at: Attempt) => at.id;
const bytes = (at: Attempt) => Buffer.from(at.id);

const archiveDocumentA: Prepare = (tx, w) =>
	tx.query(`update public.documents set status = 'archived' where id = $1`, [w.documentA.id]);

/** The activity trigger refuses these to every connection; people are refused before it, by the missing grants. */
const APPEND_ONLY = 'activity_append_only';

export const conversationOperations: Operation[] = [
	// threads: select member; insert posters in their own name; pin facilitator; close facilitator or author; delete facilitator.
	{
		table: 'threads',
		phrase: 'see a thread of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.threads where id = $1', [w.conversationA.threadId]),
		tookEffect: sawRow
	},
	{
		table: 'threads',
		phrase: 'start a thread in network A about one of its documents, in its own name',
		allowed: POSTERS,
		// author_id is left to its default, auth.uid(), as the app leaves it.
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.threads (id, network_id, title, body, document_id)
				 values ($1, $2, 'Chi redige il verbale?', 'Serve un nome entro venerdì.', $3)`,
				[at.id, w.a.id, w.documentA.id]
			),
		tookEffect: writtenBy('threads')
	},
	...inAnotherName(
		{
			table: 'threads',
			phrase: "start a thread in network A in another person's name",
			act: (tx, w, _self, at) =>
				tx.query(
					`insert into public.threads (id, network_id, title, body, author_id)
					 values ($1, $2, 'Discussione altrui', 'Non l''ho scritta io.', $3)`,
					[at.id, w.a.id, w.coFacilitator.id]
				),
			tookEffect: wroteRow('threads')
		},
		'author_id'
	),
	{
		table: 'threads',
		phrase: 'start a thread in network A about a document of network B',
		actors: POSTERS,
		allowed: [],
		refusedForAll: 'threads_document_id_network_id_fkey',
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.threads (id, network_id, title, body, document_id)
				 values ($1, $2, 'Documento di un''altra rete', 'Guardate qui.', $3)`,
				[at.id, w.a.id, w.documentB.id]
			),
		tookEffect: wroteRow('threads')
	},
	{
		table: 'threads',
		phrase: 'pin a thread of network A',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('update public.threads set pinned = true where id = $1', [w.conversationA.threadId]),
		tookEffect: (tx, w) => exists(tx, 'select 1 from public.threads where id = $1 and pinned', [w.conversationA.threadId])
	},
	{
		table: 'threads',
		// The update policy lets authors through; the trigger is what keeps pinning the facilitators'.
		phrase: 'pin a thread of network A it started',
		actors: SIGNED_IN,
		allowed: ['facilitator'],
		prepare: ownThread,
		act: (tx, _w, _self, at) => tx.query('update public.threads set pinned = true where id = $1', [at.id]),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.threads where id = $1 and pinned', [at.id])
	},
	{
		table: 'threads',
		phrase: 'close a thread of network A it started',
		actors: SIGNED_IN,
		allowed: POSTERS,
		prepare: ownThread,
		act: (tx, _w, _self, at) => tx.query('update public.threads set closed = true where id = $1', [at.id]),
		tookEffect: (tx, _w, self, _rows, at) =>
			exists(tx, 'select 1 from public.threads where id = $1 and closed and closed_by = $2', [at.id, self?.id ?? null])
	},
	{
		table: 'threads',
		phrase: 'close a thread of network A that someone else started',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('update public.threads set closed = true where id = $1', [w.conversationA.threadId]),
		tookEffect: (tx, w, self) =>
			exists(tx, 'select 1 from public.threads where id = $1 and closed and closed_by = $2', [
				w.conversationA.threadId,
				self?.id ?? null
			])
	},
	rewrite('threads', 'a thread of network A it started', ownThread, 'title', text),
	rewrite('threads', 'a thread of network A it started', ownThread, 'body', text),
	{
		table: 'threads',
		phrase: 'delete a thread of network A',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('delete from public.threads where id = $1', [w.conversationA.threadId]),
		tookEffect: async (tx, w) =>
			!(await exists(tx, 'select 1 from public.threads where id = $1', [w.conversationA.threadId]))
	},

	// thread_messages: select member; insert posters in their own name while the thread is open; never changed or deleted.
	{
		table: 'thread_messages',
		phrase: 'see a reply in a thread of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.thread_messages where id = $1', [w.conversationA.messageId]),
		tookEffect: sawRow
	},
	{
		table: 'thread_messages',
		phrase: 'reply in an open thread of network A in its own name',
		allowed: POSTERS,
		act: (tx, w, _self, at) =>
			tx.query(`insert into public.thread_messages (id, thread_id, network_id, body) values ($1, $2, $3, 'Giovedì va bene.')`, [
				at.id,
				w.conversationA.threadId,
				w.a.id
			]),
		tookEffect: writtenBy('thread_messages')
	},
	...inAnotherName(
		{
			table: 'thread_messages',
			phrase: "reply in a thread of network A in another person's name",
			act: (tx, w, _self, at) =>
				tx.query(
					`insert into public.thread_messages (id, thread_id, network_id, body, author_id)
					 values ($1, $2, $3, 'Non l''ho scritto io.', $4)`,
					[at.id, w.conversationA.threadId, w.a.id, w.coFacilitator.id]
				),
			tookEffect: wroteRow('thread_messages')
		},
		'author_id'
	),
	{
		table: 'thread_messages',
		phrase: 'reply in a closed thread of network A',
		allowed: [],
		prepare: (tx, w) => tx.query('update public.threads set closed = true where id = $1', [w.conversationA.threadId]),
		act: (tx, w, _self, at) =>
			tx.query(`insert into public.thread_messages (id, thread_id, network_id, body) values ($1, $2, $3, 'Troppo tardi?')`, [
				at.id,
				w.conversationA.threadId,
				w.a.id
			]),
		tookEffect: wroteRow('thread_messages')
	},
	{
		table: 'thread_messages',
		phrase: 'reply in a thread of network A while filing the reply under network B',
		actors: POSTERS,
		allowed: [],
		refusedForAll: 'thread_messages_thread_id_network_id_fkey',
		act: (tx, w, _self, at) =>
			tx.query(`insert into public.thread_messages (id, thread_id, network_id, body) values ($1, $2, $3, 'Di passaggio.')`, [
				at.id,
				w.conversationA.threadId,
				w.b.id
			]),
		tookEffect: wroteRow('thread_messages')
	},
	rewrite('thread_messages', 'its own reply in a thread of network A', ownMessage, 'body', text),
	erase('thread_messages', 'its own reply in a thread of network A', ownMessage),

	// comments: select member; insert posters in their own name unless archived; resolve author/editor/facilitator; never delete.
	{
		table: 'comments',
		phrase: 'see a comment on a document of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.comments where id = $1', [w.conversationA.commentId]),
		tookEffect: sawRow
	},
	{
		table: 'comments',
		phrase: 'comment on a document of network A in its own name',
		allowed: POSTERS,
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.comments (id, document_id, network_id, body, quote, anchor_from, anchor_to)
				 values ($1, $2, $3, 'Aggiungere il SERD.', 'Servizi', $4, $5)`,
				[at.id, w.documentA.id, w.a.id, Buffer.from('da'), Buffer.from('a')]
			),
		tookEffect: writtenBy('comments')
	},
	...inAnotherName(
		{
			table: 'comments',
			phrase: "comment on a document of network A in another person's name",
			act: (tx, w, _self, at) =>
				tx.query(
					`insert into public.comments (id, document_id, network_id, body, quote, anchor_from, anchor_to, author_id)
					 values ($1, $2, $3, 'Non l''ho scritto io.', 'Servizi', $4, $4, $5)`,
					[at.id, w.documentA.id, w.a.id, Buffer.from('qui'), w.coFacilitator.id]
				),
			tookEffect: wroteRow('comments')
		},
		'author_id'
	),
	{
		table: 'comments',
		phrase: 'comment on an archived document of network A',
		allowed: [],
		prepare: archiveDocumentA,
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.comments (id, document_id, network_id, body, quote, anchor_from, anchor_to)
				 values ($1, $2, $3, 'Fuori tempo.', 'Servizi', $4, $4)`,
				[at.id, w.documentA.id, w.a.id, Buffer.from('qui')]
			),
		tookEffect: wroteRow('comments')
	},
	{
		table: 'comments',
		phrase: 'comment on a document of network A while filing the comment under network B',
		actors: POSTERS,
		allowed: [],
		refusedForAll: 'comments_document_id_network_id_fkey',
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.comments (id, document_id, network_id, body, quote, anchor_from, anchor_to)
				 values ($1, $2, $3, 'Di passaggio.', 'Servizi', $4, $4)`,
				[at.id, w.documentA.id, w.b.id, Buffer.from('qui')]
			),
		tookEffect: wroteRow('comments')
	},
	{
		table: 'comments',
		phrase: 'resolve a comment someone else made on a document of network A',
		allowed: ['facilitator', 'editor'],
		act: (tx, w) => tx.query('update public.comments set resolved = true where id = $1', [w.conversationA.commentId]),
		tookEffect: (tx, w, self) =>
			exists(tx, 'select 1 from public.comments where id = $1 and resolved and resolved_by = $2', [
				w.conversationA.commentId,
				self?.id ?? null
			])
	},
	{
		table: 'comments',
		phrase: 'resolve its own comment on a document of network A',
		actors: SIGNED_IN,
		allowed: POSTERS,
		prepare: ownComment,
		act: (tx, _w, _self, at) => tx.query('update public.comments set resolved = true where id = $1', [at.id]),
		tookEffect: (tx, _w, self, _rows, at) =>
			exists(tx, 'select 1 from public.comments where id = $1 and resolved and resolved_by = $2', [at.id, self?.id ?? null])
	},
	{
		table: 'comments',
		phrase: 'reopen a resolved comment someone else made on a document of network A',
		allowed: ['facilitator', 'editor'],
		prepare: (tx, w) => tx.query('update public.comments set resolved = true where id = $1', [w.conversationA.commentId]),
		act: (tx, w) => tx.query('update public.comments set resolved = false where id = $1', [w.conversationA.commentId]),
		tookEffect: (tx, w) =>
			exists(tx, 'select 1 from public.comments where id = $1 and not resolved and resolved_by is null', [
				w.conversationA.commentId
			])
	},
	{
		table: 'comments',
		phrase: 'resolve a comment on an archived document of network A',
		allowed: [],
		prepare: archiveDocumentA,
		act: (tx, w) => tx.query('update public.comments set resolved = true where id = $1', [w.conversationA.commentId]),
		tookEffect: (tx, w) => exists(tx, 'select 1 from public.comments where id = $1 and resolved', [w.conversationA.commentId])
	},
	rewrite('comments', 'its own comment on a document of network A', ownComment, 'body', text),
	rewrite('comments', 'its own comment on a document of network A', ownComment, 'quote', text),
	rewrite('comments', 'its own comment on a document of network A', ownComment, 'anchor_from', bytes),
	rewrite('comments', 'its own comment on a document of network A', ownComment, 'anchor_to', bytes),
	erase('comments', 'its own comment on a document of network A', ownComment),

	// comment_replies: select member; insert posters in their own name unless archived; never changed or deleted.
	{
		table: 'comment_replies',
		phrase: 'see a reply to a comment on a document of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.comment_replies where id = $1', [w.conversationA.replyId]),
		tookEffect: sawRow
	},
	{
		table: 'comment_replies',
		phrase: 'reply to a comment on a document of network A in its own name',
		allowed: POSTERS,
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.comment_replies (id, comment_id, document_id, network_id, body)
				 values ($1, $2, $3, $4, 'Fatto, grazie.')`,
				[at.id, w.conversationA.commentId, w.documentA.id, w.a.id]
			),
		tookEffect: writtenBy('comment_replies')
	},
	...inAnotherName(
		{
			table: 'comment_replies',
			phrase: "reply to a comment on a document of network A in another person's name",
			act: (tx, w, _self, at) =>
				tx.query(
					`insert into public.comment_replies (id, comment_id, document_id, network_id, body, author_id)
					 values ($1, $2, $3, $4, 'Non l''ho scritto io.', $5)`,
					[at.id, w.conversationA.commentId, w.documentA.id, w.a.id, w.coFacilitator.id]
				),
			tookEffect: wroteRow('comment_replies')
		},
		'author_id'
	),
	{
		table: 'comment_replies',
		phrase: 'reply to a comment on an archived document of network A',
		allowed: [],
		prepare: archiveDocumentA,
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.comment_replies (id, comment_id, document_id, network_id, body)
				 values ($1, $2, $3, $4, 'Fuori tempo.')`,
				[at.id, w.conversationA.commentId, w.documentA.id, w.a.id]
			),
		tookEffect: wroteRow('comment_replies')
	},
	{
		table: 'comment_replies',
		phrase: 'reply to a comment of network B by naming a document of network A',
		actors: POSTERS,
		allowed: [],
		refusedForAll: 'comment_replies_comment_id_document_id_network_id_fkey',
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.comment_replies (id, comment_id, document_id, network_id, body)
				 values ($1, $2, $3, $4, 'Di passaggio.')`,
				[at.id, w.conversationB.commentId, w.documentA.id, w.a.id]
			),
		tookEffect: wroteRow('comment_replies')
	},
	rewrite('comment_replies', 'its own reply to a comment on a document of network A', ownReply, 'body', text),
	erase('comment_replies', 'its own reply to a comment on a document of network A', ownReply),

	// visits: select own; insert/update own, in one's networks; never deleted.
	{
		table: 'visits',
		phrase: 'see when it last looked at a thread of network A',
		actors: SIGNED_IN,
		allowed: SIGNED_IN,
		prepare: ownVisit,
		act: (tx, w, self) =>
			tx.query('select subject_id from public.visits where user_id = $1 and subject_id = $2', [
				self!.id,
				w.conversationA.threadId
			]),
		tookEffect: sawRow
	},
	{
		table: 'visits',
		phrase: 'see when another member last looked at a thread of network A',
		allowed: [],
		act: (tx, w) =>
			tx.query('select subject_id from public.visits where user_id = $1 and subject_id = $2', [
				w.conversationA.reader.id,
				w.conversationA.threadId
			]),
		tookEffect: sawRow
	},
	{
		table: 'visits',
		phrase: 'record that it looked at a thread of network A',
		allowed: MEMBERS,
		// user_id is left to its default, auth.uid(), as the app leaves it.
		act: (tx, w) =>
			tx.query('insert into public.visits (network_id, subject_id) values ($1, $2)', [w.a.id, w.conversationA.threadId]),
		tookEffect: (tx, w, self) =>
			exists(tx, 'select 1 from public.visits where user_id = $1 and subject_id = $2', [
				self?.id ?? null,
				w.conversationA.threadId
			])
	},
	...inAnotherName(
		{
			table: 'visits',
			phrase: "record a look at a thread of network A in another person's name",
			act: (tx, w) =>
				tx.query('insert into public.visits (user_id, network_id, subject_id) values ($1, $2, $3)', [
					w.coFacilitator.id,
					w.a.id,
					w.conversationA.threadId
				]),
			tookEffect: (tx, w) =>
				exists(tx, 'select 1 from public.visits where user_id = $1 and subject_id = $2', [
					w.coFacilitator.id,
					w.conversationA.threadId
				])
		},
		'user_id'
	),
	{
		table: 'visits',
		phrase: 'record a new look at a thread of network A',
		actors: SIGNED_IN,
		allowed: MEMBERS,
		prepare: ownVisit,
		act: (tx, w, self) =>
			tx.query('update public.visits set seen_at = now() where user_id = $1 and subject_id = $2', [
				self!.id,
				w.conversationA.threadId
			]),
		tookEffect: (tx, w, self) =>
			exists(tx, `select 1 from public.visits where user_id = $1 and subject_id = $2 and seen_at > '2000-01-01'`, [
				self!.id,
				w.conversationA.threadId
			])
	},
	{
		table: 'visits',
		phrase: 'change when another member last looked at a thread of network A',
		allowed: [],
		act: (tx, w) =>
			tx.query(`update public.visits set seen_at = '2000-01-01' where user_id = $1 and subject_id = $2`, [
				w.conversationA.reader.id,
				w.conversationA.threadId
			]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.visits where user_id = $1 and subject_id = $2 and seen_at = '2000-01-01'`, [
				w.conversationA.reader.id,
				w.conversationA.threadId
			])
	},
	{
		table: 'visits',
		phrase: 'forget that it looked at a thread of network A',
		actors: SIGNED_IN,
		allowed: [],
		prepare: ownVisit,
		act: (tx, w, self) =>
			tx.query('delete from public.visits where user_id = $1 and subject_id = $2', [self!.id, w.conversationA.threadId]),
		tookEffect: async (tx, w, self) =>
			!(await exists(tx, 'select 1 from public.visits where user_id = $1 and subject_id = $2', [
				self!.id,
				w.conversationA.threadId
			]))
	},

	// notifications: written by the database; select and mark read by the recipient, while a member.
	{
		table: 'notifications',
		phrase: 'see a notification addressed to it in network A',
		actors: SIGNED_IN,
		allowed: MEMBERS,
		prepare: ownNotification,
		act: (tx, _w, _self, at) => tx.query('select id from public.notifications where id = $1', [at.id]),
		tookEffect: sawRow
	},
	{
		table: 'notifications',
		phrase: 'see a notification addressed to another member of network A',
		allowed: [],
		act: (tx, w) => tx.query('select id from public.notifications where id = $1', [w.conversationA.notificationId]),
		tookEffect: sawRow
	},
	{
		table: 'notifications',
		phrase: 'mark a notification addressed to it in network A as read',
		actors: SIGNED_IN,
		allowed: MEMBERS,
		prepare: ownNotification,
		act: (tx, _w, _self, at) => tx.query('update public.notifications set read_at = now() where id = $1', [at.id]),
		tookEffect: (tx, _w, _self, _rows, at) =>
			exists(tx, 'select 1 from public.notifications where id = $1 and read_at is not null', [at.id])
	},
	{
		table: 'notifications',
		phrase: 'mark a notification addressed to another member of network A as read',
		allowed: [],
		act: (tx, w) =>
			tx.query('update public.notifications set read_at = now() where id = $1', [w.conversationA.notificationId]),
		tookEffect: (tx, w) =>
			exists(tx, 'select 1 from public.notifications where id = $1 and read_at is not null', [
				w.conversationA.notificationId
			])
	},
	{
		table: 'notifications',
		phrase: 'write a notification to a member of network A',
		allowed: [],
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.notifications (id, recipient_id, network_id, kind, excerpt) values ($1, $2, $3, 'mention', 'Falso')`,
				[at.id, w.conversationA.reader.id, w.a.id]
			),
		tookEffect: wroteRow('notifications')
	},
	{
		table: 'notifications',
		phrase: 'notify a member of network A through send_notifications()',
		allowed: [],
		act: (tx, w, self, at) =>
			tx.query(`select public.send_notifications(array[$1]::uuid[], '{}', 'mention', $2, $3, $4)`, [
				w.conversationA.reader.id,
				w.a.id,
				self?.id ?? null,
				at.id
			]),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.notifications where excerpt = $1', [at.id])
	},
	rewrite('notifications', 'a notification addressed to it in network A', ownNotification, 'excerpt', text),
	erase('notifications', 'a notification addressed to it in network A', ownNotification),

	// notification_settings: one's own, for select, insert and update; never deleted.
	{
		table: 'notification_settings',
		phrase: 'see which notifications it turned off',
		actors: SIGNED_IN,
		allowed: SIGNED_IN,
		prepare: ownSettings,
		act: (tx, _w, self) => tx.query('select user_id from public.notification_settings where user_id = $1', [self!.id]),
		tookEffect: sawRow
	},
	{
		table: 'notification_settings',
		phrase: 'see which notifications another person turned off',
		allowed: [],
		act: (tx, w) =>
			tx.query('select user_id from public.notification_settings where user_id = $1', [w.conversationA.reader.id]),
		tookEffect: sawRow
	},
	{
		table: 'notification_settings',
		phrase: 'turn off comment notifications for itself',
		allowed: SIGNED_IN,
		act: (tx) => tx.query(`insert into public.notification_settings (muted) values ('{comment}')`),
		tookEffect: (tx, _w, self) =>
			exists(tx, `select 1 from public.notification_settings where user_id = $1 and muted = '{comment}'`, [self?.id ?? null])
	},
	...inAnotherName(
		{
			table: 'notification_settings',
			phrase: 'turn off comment notifications for another person',
			act: (tx, w) =>
				tx.query(`insert into public.notification_settings (user_id, muted) values ($1, '{comment}')`, [w.newcomer.id]),
			tookEffect: (tx, w) => exists(tx, 'select 1 from public.notification_settings where user_id = $1', [w.newcomer.id])
		},
		'user_id'
	),
	{
		table: 'notification_settings',
		phrase: 'change which notifications it turned off',
		actors: SIGNED_IN,
		allowed: SIGNED_IN,
		prepare: ownSettings,
		act: (tx, _w, self) =>
			tx.query(`update public.notification_settings set muted = '{mention}' where user_id = $1`, [self!.id]),
		tookEffect: (tx, _w, self) =>
			exists(tx, `select 1 from public.notification_settings where user_id = $1 and muted = '{mention}'`, [self!.id])
	},
	{
		table: 'notification_settings',
		phrase: 'change which notifications another person turned off',
		allowed: [],
		act: (tx, w) =>
			tx.query(`update public.notification_settings set muted = '{}' where user_id = $1`, [w.conversationA.reader.id]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.notification_settings where user_id = $1 and muted = '{}'`, [
				w.conversationA.reader.id
			])
	},
	{
		table: 'notification_settings',
		phrase: 'delete its notification settings',
		actors: SIGNED_IN,
		allowed: [],
		prepare: ownSettings,
		act: (tx, _w, self) => tx.query('delete from public.notification_settings where user_id = $1', [self!.id]),
		tookEffect: async (tx, _w, self) =>
			!(await exists(tx, 'select 1 from public.notification_settings where user_id = $1', [self!.id]))
	},

	// activity: select member; export facilitator; written by triggers alone, never changed or deleted.
	{
		table: 'activity',
		phrase: "see an entry of network A's activity record",
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.activity where id = $1', [w.conversationA.activityId]),
		tookEffect: sawRow
	},
	{
		table: 'activity',
		phrase: "export network A's activity record through activity_for_export()",
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('select id::text as id, network_id from public.activity_for_export($1)', [w.a.id]),
		// Any row is an export; a row of another network in it fails the case outright.
		tookEffect: async (_tx, w, _self, rows) => {
			const entries = rows as { id: string; network_id: string }[];
			if (entries.length === 0) return false;
			expect(new Set(entries.map((e) => e.network_id)), 'the networks exported').toEqual(new Set([w.a.id]));
			return entries.some((e) => e.id === w.conversationA.activityId);
		}
	},
	{
		table: 'activity',
		phrase: "add an entry to network A's activity record",
		allowed: [],
		act: (tx, w, self, at) =>
			tx.query(
				`insert into public.activity (network_id, actor_id, action, subject_title) values ($1, $2, 'document_deleted', $3)`,
				[w.a.id, self?.id ?? null, at.id]
			),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.activity where subject_title = $1', [at.id])
	},
	{
		table: 'activity',
		phrase: "add an entry to network A's activity record through record_activity()",
		allowed: [],
		act: (tx, w, self, at) =>
			tx.query(`select public.record_activity($1, $2, 'document_deleted', null, $3)`, [w.a.id, self?.id ?? null, at.id]),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.activity where subject_title = $1', [at.id])
	},
	{
		table: 'activity',
		phrase: "rewrite an entry of network A's activity record",
		allowed: [],
		refusedForAll: APPEND_ONLY,
		act: (tx, w, _self, at) =>
			tx.query('update public.activity set subject_title = $2 where id = $1', [w.conversationA.activityId, at.id]),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.activity where subject_title = $1', [at.id])
	},
	{
		table: 'activity',
		phrase: "delete an entry of network A's activity record",
		allowed: [],
		refusedForAll: APPEND_ONLY,
		act: (tx, w) => tx.query('delete from public.activity where id = $1', [w.conversationA.activityId]),
		tookEffect: async (tx, w) => !(await exists(tx, 'select 1 from public.activity where id = $1', [w.conversationA.activityId]))
	},
	{
		table: 'activity',
		phrase: 'empty the activity record',
		allowed: [],
		refusedForAll: APPEND_ONLY,
		act: (tx) => tx.query('truncate public.activity'),
		tookEffect: async (tx, w) => !(await exists(tx, 'select 1 from public.activity where id = $1', [w.conversationA.activityId]))
	}
];
