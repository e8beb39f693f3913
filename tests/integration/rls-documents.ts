import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestUser } from './factories.ts';
import {
	bytesOf,
	exists,
	MEMBERS,
	sawRow,
	SIGNED_IN,
	type DocumentScene,
	type Operation,
	type World
} from './rls-types.ts';
import type { Database, Queryable } from '../../src/lib/server/db/types.ts';

// The documents part of the row-level policy matrix (rls-matrix.test.ts):
// documents, their versions, and the rows only the collab server writes.
// Read by editors and facilitators, the rules are:
// - documents: members see; facilitators and editors create in their own
//   name; editors rename and move drafts into review and back, facilitators
//   also approve (keeping a version: approve_document), reopen (with a
//   reason: reopen_document), archive and delete; an approved title stays;
//   nobody changes network_id or content_text (column grants).
// - document_approvals, document_reopenings: members see; facilitators add;
//   document_reviews: members see, triggers write.
// - document_versions: members see; facilitators and editors save named
//   versions in their own name; history is never changed or removed.
// - document_snapshots, document_updates: the service alone.
// - document_problems: members see why a change was set aside, never the
//   change itself; document_contributors: members see. Nobody writes either.
// document_access() is asked under documents, initialize_document() under
// document_snapshots, the table it writes.

/**
 * A document of `network` by `author` (an editor there), with one of each
 * row that hangs off it. Written by the service: this is the scene, not the
 * thing under test.
 */
export async function createDocumentScene(
	db: Database,
	network: { id: string },
	author: TestUser,
	title: string
): Promise<DocumentScene> {
	const id = randomUUID();
	await db.query(
		`insert into public.documents (id, network_id, kind, title, created_by, content_text)
		 values ($1, $2, 'territorial_map', $3, $4, 'Servizi del territorio')`,
		[id, network.id, title, author.id]
	);
	await db.query('insert into public.document_snapshots (document_id, state) values ($1, $2)', [id, Buffer.from('stato')]);
	await db.query('insert into public.document_updates (document_id, update, created_by) values ($1, $2, $3)', [
		id,
		Buffer.from('modifica'),
		author.id
	]);
	await db.query('insert into public.document_contributors (document_id, user_id) values ($1, $2)', [id, author.id]);
	const version = await db.query<{ id: string }>(
		`insert into public.document_versions (document_id, name, state, content_text, created_by)
		 values ($1, 'Prima stesura', $2, 'Servizi del territorio', $3) returning id`,
		[id, Buffer.from('stato'), author.id]
	);
	const problem = await db.query<{ id: string }>(
		`insert into public.document_problems (document_id, update, reason)
		 values ($1, $2, 'not a Yjs update') returning id::text as id`,
		[id, Buffer.from('illeggibile')]
	);
	return { id, networkId: network.id, title, author, versionId: version.rows[0].id, problemId: problem.rows[0].id };
}

const setStatus = (status: string) => (tx: Queryable, w: World) =>
	tx.query('update public.documents set status = $2 where id = $1', [w.documentA.id, status]);

const hasStatus = (status: string) => (tx: Queryable, w: World) =>
	exists(tx, 'select 1 from public.documents where id = $1 and status = $2', [w.documentA.id, status]);

export const documentOperations: Operation[] = [
	// documents: select member; insert facilitator/editor in their own name; update within may_set_status; delete facilitator.
	{
		table: 'documents',
		phrase: 'see a document of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.documents where id = $1', [w.documentA.id]),
		tookEffect: sawRow
	},
	{
		table: 'documents',
		phrase: 'learn its own role in a document of network A through document_access()',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select role::text as role from public.document_access($1)', [w.documentA.id]),
		// Any row tells the caller about the document; a wrong role in it fails the case outright.
		tookEffect: async (tx, w, self, rows) => {
			if (rows.length === 0) return false;
			const membership = await tx.query<{ role: string }>(
				'select role::text as role from public.memberships where network_id = $1 and user_id = $2',
				[w.a.id, self?.id ?? null]
			);
			expect(rows, 'what document_access() returned').toEqual([{ role: membership.rows[0]?.role ?? null }]);
			return true;
		}
	},
	{
		table: 'documents',
		phrase: 'create a document in network A in its own name',
		allowed: ['facilitator', 'editor'],
		// created_by is left to its default, auth.uid(), as the app leaves it.
		act: (tx, w, _self, at) =>
			tx.query(`insert into public.documents (id, network_id, kind, title) values ($1, $2, 'minutes', 'Verbale del tavolo')`, [
				at.id,
				w.a.id
			]),
		tookEffect: (tx, w, self, _rows, at) =>
			exists(tx, 'select 1 from public.documents where id = $1 and network_id = $2 and created_by = $3', [
				at.id,
				w.a.id,
				self?.id ?? null
			])
	},
	{
		table: 'documents',
		phrase: "create a document in network A in another person's name",
		allowed: [],
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.documents (id, network_id, kind, title, created_by)
				 values ($1, $2, 'free', 'Documento altrui', $3)`,
				[at.id, w.a.id, w.coFacilitator.id]
			),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.documents where id = $1', [at.id])
	},
	{
		table: 'documents',
		// Approving keeps a version of the text, which a document being created does not have yet.
		phrase: 'create a document in network A that is already approved',
		allowed: [],
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.documents (id, network_id, kind, title, status)
				 values ($1, $2, 'community_pact', 'Patto già approvato', 'approved')`,
				[at.id, w.a.id]
			),
		tookEffect: (tx, _w, _self, _rows, at) =>
			exists(tx, `select 1 from public.documents where id = $1 and status = 'approved'`, [at.id])
	},
	{
		table: 'documents',
		phrase: 'rename a draft of network A',
		allowed: ['facilitator', 'editor'],
		act: (tx, w) => tx.query(`update public.documents set title = 'Mappa rinominata' where id = $1`, [w.documentA.id]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.documents where id = $1 and title = 'Mappa rinominata'`, [w.documentA.id])
	},
	{
		table: 'documents',
		phrase: 'send a draft of network A for review',
		allowed: ['facilitator', 'editor'],
		act: (tx, w) => tx.query(`update public.documents set status = 'in_review' where id = $1`, [w.documentA.id]),
		tookEffect: hasStatus('in_review')
	},
	{
		table: 'documents',
		phrase: 'approve a document of network A that is in review, keeping its text as a named version',
		allowed: ['facilitator'],
		prepare: setStatus('in_review'),
		act: (tx, w, _self, at) =>
			tx.query(`select public.approve_document($1, $2, 'Servizi del territorio', 'Approvata')`, [w.documentA.id, bytesOf(at)]),
		tookEffect: async (tx, w, _self, _rows, at) =>
			(await hasStatus('approved')(tx, w)) &&
			exists(
				tx,
				`select 1 from public.document_approvals a join public.document_versions v on v.id = a.version_id
				 where a.document_id = $1 and v.state = $2 and v.name = 'Approvata'`,
				[w.documentA.id, bytesOf(at)]
			)
	},
	{
		table: 'documents',
		phrase: 'approve a document of network A without keeping a version',
		allowed: [],
		prepare: setStatus('in_review'),
		act: (tx, w) => tx.query(`update public.documents set status = 'approved' where id = $1`, [w.documentA.id]),
		tookEffect: hasStatus('approved')
	},
	{
		table: 'documents',
		phrase: 'archive a draft of network A',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query(`update public.documents set status = 'archived' where id = $1`, [w.documentA.id]),
		tookEffect: hasStatus('archived')
	},
	{
		table: 'documents',
		phrase: 'rename an approved document of network A',
		allowed: [],
		refusedForAll: 'document_approved',
		prepare: setStatus('approved'),
		act: (tx, w) => tx.query(`update public.documents set title = 'Mappa rinominata' where id = $1`, [w.documentA.id]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.documents where id = $1 and title = 'Mappa rinominata'`, [w.documentA.id])
	},
	{
		table: 'documents',
		phrase: 'reopen an approved document of network A as a draft, giving a reason',
		allowed: ['facilitator'],
		prepare: setStatus('approved'),
		act: (tx, w) => tx.query(`select public.reopen_document($1, 'draft', 'Manca un impegno')`, [w.documentA.id]),
		tookEffect: async (tx, w) =>
			(await hasStatus('draft')(tx, w)) &&
			exists(tx, `select 1 from public.document_reopenings where document_id = $1 and reason = 'Manca un impegno'`, [w.documentA.id])
	},
	{
		table: 'documents',
		phrase: 'reopen an approved document of network A without a reason',
		allowed: [],
		prepare: setStatus('approved'),
		act: (tx, w) => tx.query(`update public.documents set status = 'draft' where id = $1`, [w.documentA.id]),
		tookEffect: hasStatus('draft')
	},
	{
		table: 'documents',
		phrase: 'give the review of a document of network A a deadline',
		allowed: ['facilitator', 'editor'],
		act: (tx, w) =>
			tx.query(`update public.documents set status = 'in_review', review_due = '2099-01-31' where id = $1`, [w.documentA.id]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.documents where id = $1 and review_due = '2099-01-31'`, [w.documentA.id])
	},
	{
		table: 'documents',
		// As a facilitator of both, only the column grant stands in the way, not the policy's check on B. The
		// comments, threads, map entries and commitments that name the document with its network would refuse the move too: they go first.
		phrase: 'move a document of network A into network B, even as a facilitator of both',
		actors: SIGNED_IN,
		allowed: [],
		prepare: async (tx, w, self) => {
			await tx.query(
				`insert into public.memberships (network_id, user_id, role) values ($1, $2, 'facilitator')
				 on conflict (network_id, user_id) do nothing`,
				[w.b.id, self!.id]
			);
			await tx.query('delete from public.comments where document_id = $1', [w.documentA.id]);
			await tx.query('update public.threads set document_id = null where document_id = $1', [w.documentA.id]);
			await tx.query('delete from public.map_entries where document_id = $1', [w.documentA.id]);
			await tx.query('delete from public.pact_commitments where document_id = $1', [w.documentA.id]);
			await tx.query('delete from public.plan_actions where document_id = $1', [w.documentA.id]);
			await tx.query('delete from public.plan_objectives where document_id = $1', [w.documentA.id]);
		},
		act: (tx, w) => tx.query('update public.documents set network_id = $2 where id = $1', [w.documentA.id, w.b.id]),
		tookEffect: (tx, w) =>
			exists(tx, 'select 1 from public.documents where id = $1 and network_id = $2', [w.documentA.id, w.b.id])
	},
	{
		table: 'documents',
		phrase: 'overwrite the searchable text of a document of network A, which the collab server writes',
		allowed: [],
		act: (tx, w) => tx.query(`update public.documents set content_text = 'Testo falso' where id = $1`, [w.documentA.id]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.documents where id = $1 and content_text = 'Testo falso'`, [w.documentA.id])
	},
	{
		table: 'documents',
		phrase: 'delete a document of network A',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('delete from public.documents where id = $1', [w.documentA.id]),
		tookEffect: async (tx, w) => !(await exists(tx, 'select 1 from public.documents where id = $1', [w.documentA.id]))
	},

	// document_versions: select member; insert facilitator/editor, named and in their own name; never update or delete.
	{
		table: 'document_versions',
		phrase: 'see a version of a document of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.document_versions where id = $1', [w.documentA.versionId]),
		tookEffect: sawRow
	},
	{
		table: 'document_versions',
		phrase: 'save a named version of a document of network A in its own name',
		allowed: ['facilitator', 'editor'],
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.document_versions (id, document_id, name, state, content_text)
				 values ($1, $2, 'Per l''assemblea', $3, 'Servizi del territorio')`,
				[at.id, w.documentA.id, bytesOf(at)]
			),
		tookEffect: (tx, _w, self, _rows, at) =>
			exists(tx, 'select 1 from public.document_versions where id = $1 and created_by = $2 and not automatic', [
				at.id,
				self?.id ?? null
			])
	},
	{
		table: 'document_versions',
		phrase: 'save an automatic version of a document of network A, which only the collab server makes',
		allowed: [],
		act: (tx, w, _self, at) =>
			tx.query('insert into public.document_versions (id, document_id, automatic, state) values ($1, $2, true, $3)', [
				at.id,
				w.documentA.id,
				bytesOf(at)
			]),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.document_versions where id = $1', [at.id])
	},
	{
		table: 'document_versions',
		phrase: "save a version of a document of network A in another person's name",
		allowed: [],
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.document_versions (id, document_id, name, state, created_by)
				 values ($1, $2, 'Versione altrui', $3, $4)`,
				[at.id, w.documentA.id, bytesOf(at), w.coFacilitator.id]
			),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.document_versions where id = $1', [at.id])
	},
	{
		table: 'document_versions',
		phrase: 'rename a version of a document of network A',
		allowed: [],
		act: (tx, w) =>
			tx.query(`update public.document_versions set name = 'Riscritta' where id = $1`, [w.documentA.versionId]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.document_versions where id = $1 and name = 'Riscritta'`, [w.documentA.versionId])
	},
	{
		table: 'document_versions',
		phrase: 'delete a version of a document of network A',
		allowed: [],
		act: (tx, w) => tx.query('delete from public.document_versions where id = $1', [w.documentA.versionId]),
		tookEffect: async (tx, w) =>
			!(await exists(tx, 'select 1 from public.document_versions where id = $1', [w.documentA.versionId]))
	},

	// document_snapshots: the service alone; initialize_document() writes the first one for facilitators and editors.
	{
		table: 'document_snapshots',
		phrase: 'read the stored state of a document of network A',
		allowed: [],
		act: (tx, w) =>
			tx.query('select document_id from public.document_snapshots where document_id = $1', [w.documentA.id]),
		tookEffect: sawRow
	},
	{
		table: 'document_snapshots',
		phrase: 'write a stored state for a document of network A',
		allowed: [],
		prepare: (tx, w) => tx.query('delete from public.document_snapshots where document_id = $1', [w.documentA.id]),
		act: (tx, w, _self, at) =>
			tx.query('insert into public.document_snapshots (document_id, state) values ($1, $2)', [
				w.documentA.id,
				bytesOf(at)
			]),
		tookEffect: (tx, w) =>
			exists(tx, 'select 1 from public.document_snapshots where document_id = $1', [w.documentA.id])
	},
	{
		table: 'document_snapshots',
		phrase: 'replace the stored state of a document of network A',
		allowed: [],
		act: (tx, w, _self, at) =>
			tx.query('update public.document_snapshots set state = $2 where document_id = $1', [w.documentA.id, bytesOf(at)]),
		tookEffect: (tx, w, _self, _rows, at) =>
			exists(tx, 'select 1 from public.document_snapshots where document_id = $1 and state = $2', [
				w.documentA.id,
				bytesOf(at)
			])
	},
	{
		table: 'document_snapshots',
		phrase: 'delete the stored state of a document of network A',
		allowed: [],
		act: (tx, w) => tx.query('delete from public.document_snapshots where document_id = $1', [w.documentA.id]),
		tookEffect: async (tx, w) =>
			!(await exists(tx, 'select 1 from public.document_snapshots where document_id = $1', [w.documentA.id]))
	},
	{
		table: 'document_snapshots',
		phrase: 'give a document of network A created in the same transaction its first state through initialize_document(), once',
		allowed: ['facilitator', 'editor'],
		prepare: (tx, w, self, at) =>
			tx.query(
				`insert into public.documents (id, network_id, kind, title, created_by) values ($1, $2, 'free', 'Appunti', $3)`,
				[at.id, w.a.id, self?.id ?? null]
			),
		// Two calls: the first writes the state, the second finds it there and returns false.
		act: async (tx, _w, _self, at) => {
			const initialize = async (state: Buffer) =>
				(await tx.query<{ written: boolean }>('select public.initialize_document($1, $2) as written', [at.id, state]))
					.rows[0].written;
			const first = await initialize(bytesOf(at));
			const second = await initialize(Buffer.from('seconda'));
			return { rows: [first, second] };
		},
		tookEffect: async (tx, _w, _self, rows, at) =>
			rows[0] === true &&
			rows[1] === false &&
			exists(tx, 'select 1 from public.document_snapshots where document_id = $1 and state = $2', [at.id, bytesOf(at)])
	},
	// document_updates: the service alone.
	{
		table: 'document_updates',
		phrase: 'read the stored changes of a document of network A',
		allowed: [],
		act: (tx, w) => tx.query('select id from public.document_updates where document_id = $1', [w.documentA.id]),
		tookEffect: sawRow
	},
	{
		table: 'document_updates',
		phrase: 'store a change to a document of network A',
		allowed: [],
		act: (tx, w, self, at) =>
			tx.query('insert into public.document_updates (document_id, update, created_by) values ($1, $2, $3)', [
				w.documentA.id,
				bytesOf(at),
				self?.id ?? null
			]),
		tookEffect: (tx, _w, _self, _rows, at) =>
			exists(tx, 'select 1 from public.document_updates where update = $1', [bytesOf(at)])
	},
	{
		table: 'document_updates',
		phrase: 'alter a stored change of a document of network A',
		allowed: [],
		act: (tx, w, _self, at) =>
			tx.query('update public.document_updates set update = $2 where document_id = $1', [w.documentA.id, bytesOf(at)]),
		tookEffect: (tx, _w, _self, _rows, at) =>
			exists(tx, 'select 1 from public.document_updates where update = $1', [bytesOf(at)])
	},
	{
		table: 'document_updates',
		phrase: 'delete the stored changes of a document of network A',
		allowed: [],
		act: (tx, w) => tx.query('delete from public.document_updates where document_id = $1', [w.documentA.id]),
		tookEffect: async (tx, w) =>
			!(await exists(tx, 'select 1 from public.document_updates where document_id = $1', [w.documentA.id]))
	},

	// document_problems: members see why, never the change itself (column grant); nobody writes.
	{
		table: 'document_problems',
		phrase: 'see why a change to a document of network A was set aside',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id, reason from public.document_problems where id = $1', [w.documentA.problemId]),
		tookEffect: sawRow
	},
	{
		table: 'document_problems',
		phrase: 'read the change itself that was set aside from a document of network A',
		allowed: [],
		act: (tx, w) => tx.query('select update from public.document_problems where id = $1', [w.documentA.problemId]),
		tookEffect: sawRow
	},
	{
		table: 'document_problems',
		phrase: 'record a problem with a document of network A',
		allowed: [],
		act: (tx, w, _self, at) =>
			tx.query('insert into public.document_problems (document_id, reason) values ($1, $2)', [w.documentA.id, at.id]),
		tookEffect: (tx, _w, _self, _rows, at) =>
			exists(tx, 'select 1 from public.document_problems where reason = $1', [at.id])
	},
	{
		table: 'document_problems',
		phrase: 'rewrite the reason a change to a document of network A was set aside',
		allowed: [],
		act: (tx, w, _self, at) =>
			tx.query('update public.document_problems set reason = $2 where id = $1', [w.documentA.problemId, at.id]),
		tookEffect: (tx, _w, _self, _rows, at) =>
			exists(tx, 'select 1 from public.document_problems where reason = $1', [at.id])
	},
	{
		table: 'document_problems',
		phrase: 'dismiss a problem with a document of network A',
		allowed: [],
		act: (tx, w) => tx.query('delete from public.document_problems where id = $1', [w.documentA.problemId]),
		tookEffect: async (tx, w) =>
			!(await exists(tx, 'select 1 from public.document_problems where id = $1', [w.documentA.problemId]))
	},

	// document_contributors: select member; written by the collab server alone.
	{
		table: 'document_contributors',
		phrase: 'see who has written in a document of network A',
		allowed: MEMBERS,
		act: (tx, w) =>
			tx.query('select user_id from public.document_contributors where document_id = $1 and user_id = $2', [
				w.documentA.id,
				w.documentA.author.id
			]),
		tookEffect: sawRow
	},
	{
		table: 'document_contributors',
		phrase: 'record itself as having written in a document of network A',
		actors: SIGNED_IN,
		allowed: [],
		prepare: (tx, w, self) =>
			tx.query('delete from public.document_contributors where document_id = $1 and user_id = $2', [
				w.documentA.id,
				self!.id
			]),
		act: (tx, w, self) =>
			tx.query('insert into public.document_contributors (document_id, user_id) values ($1, $2)', [
				w.documentA.id,
				self!.id
			]),
		tookEffect: (tx, w, self) =>
			exists(tx, 'select 1 from public.document_contributors where document_id = $1 and user_id = $2', [
				w.documentA.id,
				self!.id
			])
	},
	{
		table: 'document_contributors',
		phrase: 'change when someone last wrote in a document of network A',
		allowed: [],
		act: (tx, w) =>
			tx.query(
				`update public.document_contributors set last_edit_at = '2000-01-01' where document_id = $1 and user_id = $2`,
				[w.documentA.id, w.documentA.author.id]
			),
		tookEffect: (tx, w) =>
			exists(
				tx,
				`select 1 from public.document_contributors where document_id = $1 and user_id = $2 and last_edit_at = '2000-01-01'`,
				[w.documentA.id, w.documentA.author.id]
			)
	},
	{
		table: 'document_contributors',
		phrase: 'erase someone from the contributors of a document of network A',
		allowed: [],
		act: (tx, w) =>
			tx.query('delete from public.document_contributors where document_id = $1 and user_id = $2', [
				w.documentA.id,
				w.documentA.author.id
			]),
		tookEffect: async (tx, w) =>
			!(await exists(tx, 'select 1 from public.document_contributors where document_id = $1 and user_id = $2', [
				w.documentA.id,
				w.documentA.author.id
			]))
	},

	// document_approvals, document_reopenings: members see; a facilitator adds (approve_document and
	// reopen_document do, above); nobody changes or removes them. document_reviews: written by triggers only.
	...recordOperations('document_approvals', 'the approval of a document of network A', {
		seed: (tx, w, at) =>
			tx.query('insert into public.document_approvals (id, document_id, version_id) values ($1, $2, $3)', [
				at.id,
				w.documentA.id,
				w.documentA.versionId
			]),
		change: `update public.document_approvals set approved_at = '2000-01-01' where id = $1`,
		changed: `select 1 from public.document_approvals where id = $1 and approved_at = '2000-01-01'`
	}),
	{
		table: 'document_approvals',
		phrase: 'record the approval of a document of network A, naming one of its versions',
		allowed: ['facilitator'],
		act: (tx, w) =>
			tx.query('insert into public.document_approvals (document_id, version_id) values ($1, $2)', [w.documentA.id, w.documentA.versionId]),
		tookEffect: (tx, w, self) =>
			exists(tx, 'select 1 from public.document_approvals where document_id = $1 and approved_by = $2', [w.documentA.id, self?.id ?? null])
	},
	...recordOperations('document_reopenings', 'why a document of network A was reopened', {
		seed: (tx, w, at) =>
			tx.query(`insert into public.document_reopenings (id, document_id, reason) values ($1, $2, 'Da rivedere')`, [at.id, w.documentA.id]),
		change: `update public.document_reopenings set reason = 'Altro' where id = $1`,
		changed: `select 1 from public.document_reopenings where id = $1 and reason = 'Altro'`
	}),
	{
		table: 'document_reopenings',
		phrase: 'record why an approved document of network A is reopened',
		allowed: ['facilitator'],
		prepare: setStatus('approved'),
		act: (tx, w) => tx.query(`insert into public.document_reopenings (document_id, reason) values ($1, 'Da rivedere')`, [w.documentA.id]),
		tookEffect: (tx, w, self) =>
			exists(tx, 'select 1 from public.document_reopenings where document_id = $1 and reopened_by = $2', [w.documentA.id, self?.id ?? null])
	},
	...recordOperations('document_reviews', 'the request for review of a document of network A', {
		seed: (tx, w) => tx.query(`insert into public.document_reviews (document_id, due) values ($1, '2099-01-31')`, [w.documentA.id]),
		find: `select 1 from public.document_reviews where document_id = $1 and due = '2099-01-31'`,
		change: `update public.document_reviews set due = '2099-02-01' where document_id = $1`,
		changed: `select 1 from public.document_reviews where document_id = $1 and due = '2099-02-01'`
	}),
	{
		table: 'document_reviews',
		phrase: 'ask for a review of a document of network A without changing its status',
		allowed: [],
		act: (tx, w) => tx.query(`insert into public.document_reviews (document_id, due) values ($1, '2099-03-01')`, [w.documentA.id]),
		tookEffect: (tx, w) => exists(tx, `select 1 from public.document_reviews where document_id = $1 and due = '2099-03-01'`, [w.documentA.id])
	}
];

/**
 * See, change and remove a record about a document of network A, seeded by
 * the service: members see it, nobody changes or removes it. Rows are found
 * by their id (`at.id`), or by `find` with the document's id.
 */
function recordOperations(
	table: Operation['table'],
	what: string,
	record: {
		seed: (tx: Queryable, w: World, at: Parameters<Operation['act']>[3]) => Promise<unknown>;
		find?: string;
		change: string;
		changed: string;
	}
): Operation[] {
	const key = (w: World, at: Parameters<Operation['act']>[3]) => (record.find ? w.documentA.id : at.id);
	const found = record.find ?? `select 1 from public.${table} where id = $1`;
	return [
		{
			table,
			phrase: `see ${what}`,
			allowed: MEMBERS,
			prepare: (tx, w, _self, at) => record.seed(tx, w, at),
			act: (tx, w, _self, at) => tx.query(found.replace('select 1', 'select *'), [key(w, at)]),
			tookEffect: sawRow
		},
		{
			table,
			phrase: `change ${what}`,
			allowed: [],
			prepare: (tx, w, _self, at) => record.seed(tx, w, at),
			act: (tx, w, _self, at) => tx.query(record.change, [key(w, at)]),
			tookEffect: (tx, w, _self, _rows, at) => exists(tx, record.changed, [key(w, at)])
		},
		{
			table,
			phrase: `remove ${what}`,
			allowed: [],
			prepare: (tx, w, _self, at) => record.seed(tx, w, at),
			act: (tx, w, _self, at) => tx.query(`delete from public.${table} where ${record.find ? 'document_id' : 'id'} = $1`, [key(w, at)]),
			tookEffect: async (tx, w, _self, _rows, at) => !(await exists(tx, found, [key(w, at)]))
		}
	];
}
