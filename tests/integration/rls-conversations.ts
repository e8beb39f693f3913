import type { TestUser } from './factories.ts';
import {
	bytesOf,
	erase,
	exists,
	inAnotherName,
	MEMBERS,
	rewrite,
	sawRow,
	SIGNED_IN,
	textOf,
	writtenBy,
	wroteRow,
	type ActorName,
	type ConversationScene,
	type DocumentScene,
	type Operation,
	type Prepare
} from './rls-types.ts';
import { mentionToken } from '../../src/lib/mentions.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// The conversations part of the row-level policy matrix (rls-matrix.test.ts):
// discussions and comments on documents. The rules, as the migrations write
// them:
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
// What the database and each person keep around these posts (visits,
// notifications, the activity record) is in rls-records.ts.

/** Who may post in network A: start threads, reply, comment. */
export const POSTERS: ActorName[] = ['facilitator', 'editor', 'commenter'];

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
	const profile = await db.query<{ name: string }>('select display_name as name from public.profiles where id = $1', [reader.id]);
	const readerName = profile.rows[0].name;
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

// Posts in network A by the acting person, written by the service with the
// attempt's id: what people try to change or remove of their own, or attach
// files to (rls-files.ts).
export const ownThread: Prepare = (tx, w, self, at) =>
	tx.query(
		`insert into public.threads (id, network_id, title, body, author_id) values ($1, $2, 'Una proposta', 'Ne parliamo?', $3)`,
		[at.id, w.a.id, self!.id]
	);
export const ownMessage: Prepare = (tx, w, self, at) =>
	tx.query(`insert into public.thread_messages (id, thread_id, network_id, body, author_id) values ($1, $2, $3, 'Ci sono.', $4)`, [
		at.id,
		w.conversationA.threadId,
		w.a.id,
		self!.id
	]);
export const ownComment: Prepare = (tx, w, self, at) =>
	tx.query(
		`insert into public.comments (id, document_id, network_id, body, quote, anchor_from, anchor_to, author_id)
		 values ($1, $2, $3, 'Da rivedere.', 'territorio', $4, $4, $5)`,
		[at.id, w.documentA.id, w.a.id, Buffer.from('qui'), self!.id]
	);
export const ownReply: Prepare = (tx, w, self, at) =>
	tx.query(
		`insert into public.comment_replies (id, comment_id, document_id, network_id, body, author_id)
		 values ($1, $2, $3, $4, 'Concordo.', $5)`,
		[at.id, w.conversationA.commentId, w.documentA.id, w.a.id, self!.id]
	);
export const archiveDocumentA: Prepare = (tx, w) =>
	tx.query(`update public.documents set status = 'archived' where id = $1`, [w.documentA.id]);

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
	rewrite('threads', 'a thread of network A it started', ownThread, 'title', textOf),
	rewrite('threads', 'a thread of network A it started', ownThread, 'body', textOf),
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
	rewrite('thread_messages', 'its own reply in a thread of network A', ownMessage, 'body', textOf),
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
	rewrite('comments', 'its own comment on a document of network A', ownComment, 'body', textOf),
	rewrite('comments', 'its own comment on a document of network A', ownComment, 'quote', textOf),
	rewrite('comments', 'its own comment on a document of network A', ownComment, 'anchor_from', bytesOf),
	rewrite('comments', 'its own comment on a document of network A', ownComment, 'anchor_to', bytesOf),
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
	rewrite('comment_replies', 'its own reply to a comment on a document of network A', ownReply, 'body', textOf),
	erase('comment_replies', 'its own reply to a comment on a document of network A', ownReply)
];
