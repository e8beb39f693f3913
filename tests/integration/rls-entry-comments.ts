import { POSTERS } from './rls-conversations.ts';
import { exists, MEMBERS, rewrite, sawRow, writtenBy, type Operation, type Prepare } from './rls-types.ts';

// Comments on a territorial map's entries, part of the row-level policy
// matrix (rls-matrix.test.ts). They are comments like those in the text
// (rls-conversations.ts), so the same people see, post, reply and resolve;
// what is theirs alone, as the migration 20261123150100 writes it:
// - a comment is in the text or on an entry, never both (comments_one_place);
// - only a territorial map's entries and a community pact's commitments can be
//   commented on (a trigger, for the service too; 20261207182000);
// - the entry a comment is on is never changed afterwards.

/** An entry of network A's map. Entries live in the document's Yjs state, so any id names one. */
const ENTRY = 'e1000000-0000-4000-8000-000000000001';

/** An entry comment with the attempt's id, by `author`, on network A's map. */
const entryCommentBy =
	(author: (self: Parameters<Prepare>[2], w: Parameters<Prepare>[1]) => string): Prepare =>
	(tx, w, self, at) =>
		tx.query(
			`insert into public.comments (id, document_id, network_id, body, quote, entry_id, author_id)
			 values ($1, $2, $3, 'Orari da verificare.', 'Centro diurno Il Girasole', $4, $5)`,
			[at.id, w.documentA.id, w.a.id, ENTRY, author(self, w)]
		);
const ownEntryComment = entryCommentBy((self) => self!.id);
const othersEntryComment = entryCommentBy((_self, w) => w.coFacilitator.id);

export const entryCommentOperations: Operation[] = [
	{
		table: 'comments',
		phrase: "see a comment on an entry of network A's territorial map",
		allowed: MEMBERS,
		prepare: othersEntryComment,
		act: (tx, _w, _self, at) => tx.query('select id from public.comments where id = $1 and entry_id is not null', [at.id]),
		tookEffect: sawRow
	},
	{
		table: 'comments',
		phrase: "comment on an entry of network A's territorial map in its own name",
		allowed: POSTERS,
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.comments (id, document_id, network_id, body, quote, entry_id)
				 values ($1, $2, $3, 'Manca il numero di telefono.', 'Sportello lavoro', $4)`,
				[at.id, w.documentA.id, w.a.id, ENTRY]
			),
		tookEffect: writtenBy('comments')
	},
	{
		table: 'comments',
		phrase: "comment on an entry of network B's territorial map",
		allowed: ['outsider'],
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.comments (id, document_id, network_id, body, quote, entry_id)
				 values ($1, $2, $3, 'Di passaggio.', 'Sportello lavoro', $4)`,
				[at.id, w.documentB.id, w.b.id, ENTRY]
			),
		tookEffect: writtenBy('comments')
	},
	{
		table: 'comments',
		phrase: "comment on a commitment of network A's community pact in its own name",
		allowed: POSTERS,
		// A community pact with the attempt's id: its commitments are items like a map's entries.
		prepare: (tx, w, _self, at) =>
			tx.query(`insert into public.documents (id, network_id, kind, title) values ($1, $2, 'community_pact', 'Patto')`, [
				at.id,
				w.a.id
			]),
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.comments (document_id, network_id, body, quote, entry_id)
				 values ($1, $2, 'Quante ore?', 'Tutoraggio dei tirocini', $3)`,
				[at.id, w.a.id, ENTRY]
			),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.comments where document_id = $1', [at.id])
	},
	{
		table: 'comments',
		phrase: 'comment on an item of a document of network A that has none (a co-design document)',
		allowed: [],
		refusedForAll: 'entry_comment_not_on_map',
		// A co-design document with the attempt's id: the comment is looked for by its document.
		prepare: (tx, w, _self, at) =>
			tx.query(`insert into public.documents (id, network_id, kind, title) values ($1, $2, 'co_design', 'Progetto')`, [
				at.id,
				w.a.id
			]),
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.comments (document_id, network_id, body, quote, entry_id)
				 values ($1, $2, 'Nel progetto?', 'Azioni', $3)`,
				[at.id, w.a.id, ENTRY]
			),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.comments where document_id = $1', [at.id])
	},
	{
		table: 'comments',
		phrase: "comment at once on an entry and on a range of the text of network A's map",
		allowed: [],
		refusedForAll: 'comments_one_place',
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.comments (id, document_id, network_id, body, quote, anchor_from, anchor_to, entry_id)
				 values ($1, $2, $3, 'Ovunque.', 'Servizi', $4, $4, $5)`,
				[at.id, w.documentA.id, w.a.id, Buffer.from('qui'), ENTRY]
			),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.comments where id = $1', [at.id])
	},
	{
		table: 'comments',
		phrase: "resolve a comment someone else made on an entry of network A's map",
		allowed: ['facilitator', 'editor'],
		prepare: othersEntryComment,
		act: (tx, _w, _self, at) => tx.query('update public.comments set resolved = true where id = $1', [at.id]),
		tookEffect: (tx, _w, self, _rows, at) =>
			exists(tx, 'select 1 from public.comments where id = $1 and resolved and resolved_by = $2', [at.id, self?.id ?? null])
	},
	rewrite('comments', "its own comment on an entry of network A's map", ownEntryComment, 'entry_id', () =>
		'e1000000-0000-4000-8000-000000000002'
	),
	{
		table: 'comment_replies',
		phrase: "reply to a comment on an entry of network A's map in its own name",
		allowed: POSTERS,
		prepare: othersEntryComment,
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.comment_replies (comment_id, document_id, network_id, body)
				 values ($1, $2, $3, 'Verifico io.')`,
				[at.id, w.documentA.id, w.a.id]
			),
		tookEffect: (tx, _w, self, _rows, at) =>
			exists(tx, 'select 1 from public.comment_replies where comment_id = $1 and author_id = $2', [at.id, self?.id ?? null])
	}
];
