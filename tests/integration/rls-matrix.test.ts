import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import {
	addMember,
	createInvitation,
	createNetwork,
	createPartner,
	createUser,
	tokenHash,
	type TestUser
} from './factories.ts';
import { conversationOperations, createConversationScene } from './rls-conversations.ts';
import { createDocumentScene, documentOperations } from './rls-documents.ts';
import { entryCommentOperations } from './rls-entry-comments.ts';
import { createFileScene, fileOperations } from './rls-files.ts';
import { createMapEntry, mapOperations } from './rls-map.ts';
import { createCommitment, pactCommitmentOperations } from './rls-pact-commitments.ts';
import { createPlanAction, followUpOperations, planOperations, reminderOperations } from './rls-plan.ts';
import { recordOperations } from './rls-records.ts';
import { accessRequestOperations } from './rls-access-requests.ts';
import { commitmentProposalOperations } from './rls-commitment-proposals.ts';
import { pactSealOperations } from './rls-pact-seals.ts';
import {
	EVERYONE,
	exists,
	MEMBERS,
	sawRow,
	SIGNED_IN,
	TABLES,
	type ActorName,
	type Attempt,
	type Operation,
	type World
} from './rls-types.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database, Queryable } from '../../src/lib/server/db/types.ts';

// The row-level policy matrix: every table in public × every kind of person ×
// select/insert/update/delete, against network A, with network B beside it to
// prove that nothing crosses over. The rules live in `operations` below as
// data; each (operation, actor) pair becomes one test named as a sentence.
//
// Each attempt runs in its own transaction that is always rolled back, so a
// facilitator deleting network A does not spoil the next case. The attempt
// runs under a savepoint; whatever happened, the outcome is then judged by
// the service connection (`reset role`) in the same transaction, so "allowed"
// means the row really was seen, written, changed or deleted, and "refused"
// means it was not — whether the database said so with an error or by
// silently matching no rows. What nobody may do is also tried as the service:
// it must succeed, so the refusals are the policies' — unless a constraint or
// trigger holds for every connection (`refusedForAll`), and then the service
// must be refused by it too.
//
// The types the operations are written in live in rls-types.ts; the
// operations on documents and the tables around them, in rls-documents.ts;
// on discussions and comments, in rls-conversations.ts; on comments on a
// territorial map's entries, in rls-entry-comments.ts; on visits,
// notifications and the activity record, in rls-records.ts; on the file
// space and attachments, in rls-files.ts; on map entries, in rls-map.ts; on
// requests for more access, in rls-access-requests.ts; on proposals of
// commitments, in rls-commitment-proposals.ts; on a pact's sealed
// versions, adhesions and signature checks, in rls-pact-seals.ts.

/** How each actor is introduced in a test name. */
const ACTOR_LABEL: Record<ActorName, string> = {
	facilitator: "network A's facilitator",
	editor: "network A's editor",
	commenter: "network A's commenter",
	viewer: "network A's viewer",
	outsider: "network B's facilitator",
	stranger: 'a signed-in person in no network',
	anonymous: 'an anonymous visitor'
};

const operations: Operation[] = [
	// networks: select member; insert anyone signed in, in their own name; update/delete facilitator.
	{
		table: 'networks',
		phrase: 'see network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.networks where id = $1', [w.a.id]),
		tookEffect: sawRow
	},
	{
		table: 'networks',
		phrase: 'create a network in its own name',
		allowed: SIGNED_IN,
		act: (tx, _w, self, at) =>
			tx.query('insert into public.networks (id, name, territory, created_by) values ($1, $2, $3, $4)', [
				at.id,
				'Rete nuova',
				'Ambito di Sora',
				self?.id ?? null
			]),
		tookEffect: (tx, _w, self, _rows, at) =>
			exists(
				tx,
				`select 1 from public.networks n join public.memberships m on m.network_id = n.id
				 where n.id = $1 and m.user_id = $2 and m.role = 'facilitator'`,
				[at.id, self?.id ?? null]
			)
	},
	{
		table: 'networks',
		phrase: "create a network in another person's name",
		allowed: [],
		act: (tx, w, _self, at) =>
			tx.query('insert into public.networks (id, name, territory, created_by) values ($1, $2, $3, $4)', [
				at.id,
				'Rete altrui',
				'Ambito di Sora',
				w.newcomer.id
			]),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.networks where id = $1', [at.id])
	},
	{
		table: 'networks',
		phrase: 'rename network A',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query(`update public.networks set name = 'Rete rinominata' where id = $1`, [w.a.id]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.networks where id = $1 and name = 'Rete rinominata'`, [w.a.id])
	},
	{
		table: 'networks',
		phrase: 'delete network A',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('delete from public.networks where id = $1', [w.a.id]),
		tookEffect: async (tx, w) => !(await exists(tx, 'select 1 from public.networks where id = $1', [w.a.id]))
	},

	// partners: select member; insert/update/delete facilitator.
	{
		table: 'partners',
		phrase: 'see a partner of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.partners where id = $1', [w.partnerA.id]),
		tookEffect: sawRow
	},
	{
		table: 'partners',
		phrase: 'add a partner to network A',
		allowed: ['facilitator'],
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.partners (id, network_id, name, kind, systems)
				 values ($1, $2, 'Centro per l''impiego di Cassino', 'job_centre', '{employment}')`,
				[at.id, w.a.id]
			),
		tookEffect: (tx, w, _self, _rows, at) =>
			exists(tx, 'select 1 from public.partners where id = $1 and network_id = $2', [at.id, w.a.id])
	},
	{
		table: 'partners',
		phrase: 'rename a partner of network A',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query(`update public.partners set name = 'Partner rinominato' where id = $1`, [w.partnerA.id]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.partners where id = $1 and name = 'Partner rinominato'`, [w.partnerA.id])
	},
	{
		table: 'partners',
		phrase: 'remove a partner of network A',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('delete from public.partners where id = $1', [w.partnerA.id]),
		tookEffect: async (tx, w) => !(await exists(tx, 'select 1 from public.partners where id = $1', [w.partnerA.id]))
	},

	// memberships: select member; insert/update facilitator; delete facilitator, or oneself.
	{
		table: 'memberships',
		phrase: 'see who else is in network A',
		allowed: MEMBERS,
		act: (tx, w) =>
			tx.query('select user_id from public.memberships where network_id = $1 and user_id = $2', [
				w.a.id,
				w.bystander.id
			]),
		tookEffect: sawRow
	},
	{
		table: 'memberships',
		phrase: 'add a person to network A',
		allowed: ['facilitator'],
		act: (tx, w) =>
			tx.query(`insert into public.memberships (network_id, user_id, role) values ($1, $2, 'viewer')`, [
				w.a.id,
				w.newcomer.id
			]),
		tookEffect: (tx, w) =>
			exists(tx, 'select 1 from public.memberships where network_id = $1 and user_id = $2', [w.a.id, w.newcomer.id])
	},
	{
		table: 'memberships',
		phrase: 'make itself a member of network A',
		actors: ['outsider', 'stranger'],
		allowed: [],
		act: (tx, w, self) =>
			tx.query(`insert into public.memberships (network_id, user_id, role) values ($1, $2, 'facilitator')`, [
				w.a.id,
				self!.id
			]),
		tookEffect: (tx, w, self) =>
			exists(tx, 'select 1 from public.memberships where network_id = $1 and user_id = $2', [w.a.id, self!.id])
	},
	{
		table: 'memberships',
		phrase: "change another member's role in network A",
		allowed: ['facilitator'],
		act: (tx, w) =>
			tx.query(`update public.memberships set role = 'editor' where network_id = $1 and user_id = $2`, [
				w.a.id,
				w.bystander.id
			]),
		tookEffect: (tx, w) =>
			exists(
				tx,
				`select 1 from public.memberships where network_id = $1 and user_id = $2 and role = 'editor'`,
				[w.a.id, w.bystander.id]
			)
	},
	{
		table: 'memberships',
		phrase: 'promote itself to facilitator of network A',
		actors: ['editor', 'commenter', 'viewer'],
		allowed: [],
		act: (tx, w, self) =>
			tx.query(`update public.memberships set role = 'facilitator' where network_id = $1 and user_id = $2`, [
				w.a.id,
				self!.id
			]),
		tookEffect: (tx, w, self) =>
			exists(
				tx,
				`select 1 from public.memberships where network_id = $1 and user_id = $2 and role = 'facilitator'`,
				[w.a.id, self!.id]
			)
	},
	{
		table: 'memberships',
		phrase: 'remove another member from network A',
		allowed: ['facilitator'],
		act: (tx, w) =>
			tx.query('delete from public.memberships where network_id = $1 and user_id = $2', [w.a.id, w.bystander.id]),
		tookEffect: async (tx, w) =>
			!(await exists(tx, 'select 1 from public.memberships where network_id = $1 and user_id = $2', [
				w.a.id,
				w.bystander.id
			]))
	},
	{
		table: 'memberships',
		phrase: 'leave network A',
		actors: MEMBERS,
		allowed: MEMBERS,
		act: (tx, w, self) =>
			tx.query('delete from public.memberships where network_id = $1 and user_id = $2', [w.a.id, self!.id]),
		tookEffect: async (tx, w, self) =>
			!(await exists(tx, 'select 1 from public.memberships where network_id = $1 and user_id = $2', [
				w.a.id,
				self!.id
			]))
	},

	// invitations: facilitator only, for all four operations.
	{
		table: 'invitations',
		phrase: 'see the invitations of network A',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('select id from public.invitations where id = $1', [w.invitationA.id]),
		tookEffect: sawRow
	},
	{
		table: 'invitations',
		phrase: 'invite someone to network A',
		allowed: ['facilitator'],
		act: (tx, w, self, at) =>
			tx.query(
				`insert into public.invitations (id, network_id, email, role, token_hash, expires_at, created_by)
				 values ($1, $2, $3, 'editor', $4, now() + interval '7 days', $5)`,
				[at.id, w.a.id, w.newcomer.email, tokenHash(randomBytes(32).toString('base64url')), self?.id ?? null]
			),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.invitations where id = $1', [at.id])
	},
	{
		table: 'invitations',
		phrase: 'revoke an invitation to network A',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('update public.invitations set revoked_at = now() where id = $1', [w.invitationA.id]),
		tookEffect: (tx, w) =>
			exists(tx, 'select 1 from public.invitations where id = $1 and revoked_at is not null', [w.invitationA.id])
	},
	{
		table: 'invitations',
		phrase: 'delete an invitation to network A',
		allowed: ['facilitator'],
		act: (tx, w) => tx.query('delete from public.invitations where id = $1', [w.invitationA.id]),
		tookEffect: async (tx, w) =>
			!(await exists(tx, 'select 1 from public.invitations where id = $1', [w.invitationA.id]))
	},

	// profiles: select self or someone sharing a network; insert/update self; delete nobody.
	{
		table: 'profiles',
		phrase: 'see its own profile',
		actors: SIGNED_IN,
		allowed: SIGNED_IN,
		act: (tx, _w, self) => tx.query('select id from public.profiles where id = $1', [self!.id]),
		tookEffect: sawRow
	},
	{
		table: 'profiles',
		phrase: 'see the profile of a fellow member of network A',
		allowed: MEMBERS,
		act: (tx, w) => tx.query('select id from public.profiles where id = $1', [w.bystander.id]),
		tookEffect: sawRow
	},
	{
		table: 'profiles',
		phrase: 'see the profile of someone it shares no network with',
		allowed: [],
		act: (tx, w) => tx.query('select id from public.profiles where id = $1', [w.newcomer.id]),
		tookEffect: sawRow
	},
	{
		table: 'profiles',
		phrase: 'create its own missing profile',
		actors: SIGNED_IN,
		allowed: SIGNED_IN,
		prepare: (tx, _w, self) => tx.query('delete from public.profiles where id = $1', [self!.id]),
		act: (tx, _w, self) =>
			tx.query(`insert into public.profiles (id, email, display_name) values ($1, $2, 'Di nuovo io')`, [
				self!.id,
				self!.email
			]),
		tookEffect: (tx, _w, self) =>
			exists(tx, `select 1 from public.profiles where id = $1 and display_name = 'Di nuovo io'`, [self!.id])
	},
	{
		table: 'profiles',
		phrase: 'create a profile for someone else',
		allowed: [],
		prepare: (tx, w) => tx.query('delete from public.profiles where id = $1', [w.newcomer.id]),
		act: (tx, w) =>
			tx.query(`insert into public.profiles (id, email, display_name) values ($1, $2, 'Falso')`, [
				w.newcomer.id,
				w.newcomer.email
			]),
		tookEffect: (tx, w) => exists(tx, 'select 1 from public.profiles where id = $1', [w.newcomer.id])
	},
	{
		table: 'profiles',
		phrase: 'change its own display name',
		actors: SIGNED_IN,
		allowed: SIGNED_IN,
		act: (tx, _w, self) =>
			tx.query(`update public.profiles set display_name = 'Nome nuovo' where id = $1`, [self!.id]),
		tookEffect: (tx, _w, self) =>
			exists(tx, `select 1 from public.profiles where id = $1 and display_name = 'Nome nuovo'`, [self!.id])
	},
	{
		table: 'profiles',
		phrase: 'change the email in its own profile, which mirrors its account',
		actors: SIGNED_IN,
		allowed: [],
		act: (tx, _w, self) =>
			tx.query(`update public.profiles set email = 'altro@trama.test' where id = $1`, [self!.id]),
		tookEffect: (tx, _w, self) =>
			exists(tx, `select 1 from public.profiles where id = $1 and email = 'altro@trama.test'`, [self!.id])
	},
	{
		table: 'profiles',
		phrase: "change a fellow member's display name",
		allowed: [],
		act: (tx, w) => tx.query(`update public.profiles set display_name = 'Impostore' where id = $1`, [w.bystander.id]),
		tookEffect: (tx, w) =>
			exists(tx, `select 1 from public.profiles where id = $1 and display_name = 'Impostore'`, [w.bystander.id])
	},
	{
		table: 'profiles',
		phrase: 'delete its own profile',
		actors: SIGNED_IN,
		allowed: [],
		act: (tx, _w, self) => tx.query('delete from public.profiles where id = $1', [self!.id]),
		tookEffect: async (tx, _w, self) => !(await exists(tx, 'select 1 from public.profiles where id = $1', [self!.id]))
	},
	{
		table: 'profiles',
		phrase: "delete a fellow member's profile",
		allowed: [],
		act: (tx, w) => tx.query('delete from public.profiles where id = $1', [w.bystander.id]),
		tookEffect: async (tx, w) =>
			!(await exists(tx, 'select 1 from public.profiles where id = $1', [w.bystander.id]))
	},

	...documentOperations,
	...conversationOperations,
	...entryCommentOperations,
	...recordOperations,
	...fileOperations,
	...mapOperations,
	...pactCommitmentOperations,
	...accessRequestOperations,
	...commitmentProposalOperations,
	...pactSealOperations,
	...planOperations,
	...followUpOperations,
	...reminderOperations
];

/** Thrown to end a transaction with a rollback while carrying its result out. */
class Rollback<T> {
	constructor(readonly value: T) {}
}

/** Runs fn in a transaction that is always rolled back, returning what fn returned. */
async function rolledBack<T>(run: (fn: (tx: Queryable) => Promise<never>) => Promise<unknown>, fn: (tx: Queryable) => Promise<T>): Promise<T> {
	try {
		await run(async (tx) => {
			throw new Rollback(await fn(tx));
		});
	} catch (thrown) {
		if (thrown instanceof Rollback) return thrown.value as T;
		throw thrown;
	}
	throw new Error('the transaction committed instead of rolling back');
}

/** A view of db whose transactions begin with `prepare`, run as the service before withUser switches role. */
function preparedBy(db: Database, prepare?: (tx: Queryable) => Promise<unknown>): Database {
	if (!prepare) return db;
	return {
		...db,
		transaction: (fn) =>
			db.transaction(async (tx) => {
				await prepare(tx);
				return fn(tx);
			})
	};
}

interface Outcome {
	error?: { code?: string; message: string };
	tookEffect: boolean;
}

/**
 * One attempt and its verdict, in one rolled-back transaction. `self` null is
 * the anonymous visitor; `as: 'service'` runs the same statement without
 * withUser, as the control that shows the statement itself works.
 */
async function attempt(
	db: Database,
	w: World,
	op: Operation,
	self: TestUser | null,
	as: 'actor' | 'service'
): Promise<Outcome> {
	const at: Attempt = { id: randomUUID() };
	const prepared = preparedBy(db, op.prepare && ((tx) => op.prepare!(tx, w, self, at)));
	const body = async (tx: Queryable): Promise<Outcome> => {
		await tx.query('savepoint attempt');
		let rows: unknown[] = [];
		let error: Outcome['error'];
		try {
			rows = (await op.act(tx, w, self, at)).rows;
		} catch (thrown) {
			error = thrown as Outcome['error'];
			await tx.query('rollback to savepoint attempt');
		}
		await tx.query('reset role');
		return { error, tookEffect: await op.tookEffect(tx, w, self, rows, at) };
	};
	return as === 'service'
		? rolledBack((fn) => prepared.transaction(fn), body)
		: rolledBack((fn) => withUser(prepared, self?.claims ?? null, fn), body);
}

async function buildWorld(db: Database): Promise<World> {
	const person = (name: string) => createUser(db, { displayName: name });
	const [facilitator, editor, commenter, viewer, outsider, stranger, coFacilitator, bystander, newcomer, bMember] =
		await Promise.all(
			[
				'Giulia Facilitatrice',
				'Marco Editor',
				'Anna Commentatrice',
				'Paolo Lettore',
				'Bruno Altrove',
				'Sara Sola',
				'Chiara Cofacilitatrice',
				'Luca Presente',
				'Nina Nuova',
				'Teo di B'
			].map(person)
		);
	const a = await createNetwork(db, facilitator, { name: 'Rete A – Inserimento lavorativo' });
	const b = await createNetwork(db, outsider, { name: 'Rete B – Altro ambito' });
	const partnerA = await createPartner(db, a, { name: 'Cooperativa Il Ponte' });
	const partnerB = await createPartner(db, b, { name: 'Cooperativa Altrove' });
	await addMember(db, a, coFacilitator, 'facilitator');
	// Speaking for partnerA makes its removal exercise the `on delete set null` path.
	await addMember(db, a, editor, 'editor', partnerA);
	await addMember(db, a, commenter, 'commenter');
	await addMember(db, a, viewer, 'viewer');
	await addMember(db, a, bystander, 'viewer', partnerA);
	await addMember(db, b, bMember, 'editor', partnerB);
	const invitationA = await createInvitation(db, {
		network: a,
		invitedBy: facilitator,
		email: 'invitata.a@trama.test',
		partner: partnerA
	});
	const invitationB = await createInvitation(db, { network: b, invitedBy: outsider, email: 'invitata.b@trama.test' });
	const documentA = await createDocumentScene(db, a, editor, 'Mappa dei servizi di A');
	const documentB = await createDocumentScene(db, b, bMember, 'Mappa dei servizi di B');
	const conversationA = await createConversationScene(db, documentA, coFacilitator, bystander);
	const conversationB = await createConversationScene(db, documentB, outsider, bMember);
	const filesA = await createFileScene(db, a, editor, conversationA);
	const filesB = await createFileScene(db, b, bMember, conversationB);
	const mapEntryA = await createMapEntry(db, documentA, 'Centro di salute mentale di Sora');
	const mapEntryB = await createMapEntry(db, documentB, 'Sportello di altrove');
	const commitmentA = await createCommitment(db, documentA, partnerA, 'Tutoraggio dei tirocini');
	const commitmentB = await createCommitment(db, documentB, partnerB, 'Impegno di altrove');
	const planA = await createPlanAction(db, documentA, partnerA, 'Tutoraggio dei tirocini');
	const planB = await createPlanAction(db, documentB, partnerB, 'Azione di altrove');
	return {
		a,
		b,
		actors: { facilitator, editor, commenter, viewer, outsider, stranger },
		coFacilitator,
		bystander,
		newcomer,
		bMember,
		partnerA,
		partnerB,
		invitationA,
		invitationB,
		documentA,
		documentB,
		conversationA,
		conversationB,
		filesA,
		filesB,
		mapEntryA,
		mapEntryB,
		commitmentA,
		commitmentB,
		planA,
		planB
	};
}

const actorUser = (w: World, actor: ActorName) => (actor === 'anonymous' ? null : w.actors[actor]);

describe.each(backends)('row-level policies on $name', (backend) => {
	let db: Database;
	let w: World;
	beforeAll(async () => {
		db = await backend.fresh();
		w = await buildWorld(db);
	});
	afterAll(() => db?.close());

	/** What each call gives an anonymous visitor, in one rolled-back transaction: 'executed', or the error's code and message. */
	const asAnonymous = (calls: [sql: string, params: unknown[]][]) =>
		rolledBack(
			(fn) => withUser(db, null, fn),
			async (tx) => {
				const outcomes: string[] = [];
				for (const [sql, params] of calls) {
					await tx.query('savepoint call');
					outcomes.push(
						await tx.query(sql, params).then(
							() => 'executed',
							async (thrown: { code?: string; message: string }) => {
								await tx.query('rollback to savepoint call');
								return `${thrown.code} ${thrown.message}`;
							}
						)
					);
				}
				return outcomes;
			}
		);

	it('asks about every table in public, so that none is left out of the matrix', async () => {
		const { rows } = await db.query<{ name: string }>(
			`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind in ('r', 'p')`
		);
		expect(rows.map((r) => r.name).sort()).toEqual([...TABLES].sort());
		for (const table of TABLES) expect(operations.some((op) => op.table === table), table).toBe(true);
	});

	for (const table of TABLES) {
		describe(table, () => {
			for (const op of operations.filter((o) => o.table === table)) {
				for (const actor of op.actors ?? EVERYONE) {
					const allowed = op.allowed.includes(actor);
					it(`${ACTOR_LABEL[actor]} ${allowed ? 'can' : 'cannot'} ${op.phrase}`, async () => {
						const outcome = await attempt(db, w, op, actorUser(w, actor), 'actor');
						if (allowed) {
							expect(outcome.error?.message).toBeUndefined();
							expect(outcome.tookEffect).toBe(true);
						} else {
							expect(outcome.tookEffect).toBe(false);
							// A refusal is the policy's or the grant's, or the named constraint's, never some unrelated failure.
							const byConstraint = op.refusedForAll && outcome.error?.message.includes(op.refusedForAll);
							if (outcome.error && !byConstraint) expect(outcome.error.code, outcome.error.message).toBe('42501');
						}
					});
				}
				// Without this a refusal could be a statement that does nothing for anyone.
				const someone = () => actorUser(w, (op.actors ?? EVERYONE).find((a) => a !== 'anonymous')!);
				if (op.allowed.length === 0 && !op.refusedForAll) {
					it(`"${op.phrase}" takes effect as the service, so the refusals are the policies'`, async () => {
						const outcome = await attempt(db, w, op, someone(), 'service');
						expect(outcome.error?.message).toBeUndefined();
						expect(outcome.tookEffect).toBe(true);
					});
				}
				if (op.refusedForAll) {
					it(`"${op.phrase}" is refused even to the service, by ${op.refusedForAll}`, async () => {
						const outcome = await attempt(db, w, op, someone(), 'service');
						expect(outcome.error?.message).toContain(op.refusedForAll);
						expect(outcome.tookEffect).toBe(false);
					});
				}
			}
		});
	}

	describe('nothing of network B reaches network A', () => {
		const bOnlyPeople = () => [w.actors.outsider.id, w.bMember.id];
		const seen = async (actor: TestUser, sql: string) =>
			rolledBack(
				(fn) => withUser(db, actor.claims, fn),
				async (tx) => (await tx.query<{ id: string }>(sql)).rows.map((r) => r.id)
			);

		for (const actor of MEMBERS) {
			it(`${ACTOR_LABEL[actor]} sees network A and never network B`, async () => {
				const ids = await seen(w.actors[actor], 'select id from public.networks');
				expect(ids).toEqual([w.a.id]);
			});

			it(`${ACTOR_LABEL[actor]} sees A's partners and none of B's`, async () => {
				const ids = await seen(w.actors[actor], 'select network_id as id from public.partners');
				expect(ids).toContain(w.a.id);
				expect(ids).not.toContain(w.b.id);
			});

			it(`${ACTOR_LABEL[actor]} sees A's memberships and none of B's`, async () => {
				const ids = await seen(w.actors[actor], 'select network_id as id from public.memberships');
				expect(ids).toHaveLength(6);
				expect(new Set(ids)).toEqual(new Set([w.a.id]));
			});

			it(`${ACTOR_LABEL[actor]} sees the profiles of A's people and of no one only in B`, async () => {
				const ids = await seen(w.actors[actor], 'select id from public.profiles');
				expect(ids).toContain(w.bystander.id);
				expect(ids).toHaveLength(6);
				for (const id of bOnlyPeople()) expect(ids).not.toContain(id);
			});

			it(`${ACTOR_LABEL[actor]} sees A's document, its versions, contributors and problems, and nothing of B's`, async () => {
				expect(await seen(w.actors[actor], 'select id from public.documents')).toEqual([w.documentA.id]);
				for (const table of ['document_versions', 'document_contributors', 'document_problems']) {
					const ids = await seen(w.actors[actor], `select document_id as id from public.${table}`);
					expect(ids, table).toEqual([w.documentA.id]);
				}
			});

			it(`${ACTOR_LABEL[actor]} sees A's threads, replies, comments and activity record, and nothing of B's`, async () => {
				for (const table of ['threads', 'thread_messages', 'comments', 'comment_replies', 'activity']) {
					const networks = await seen(w.actors[actor], `select network_id as id from public.${table}`);
					expect(new Set(networks), table).toEqual(new Set([w.a.id]));
				}
				const { threadId, messageId, commentId, replyId } = w.conversationA;
				const ids = await seen(
					w.actors[actor],
					`select id from public.threads union all select id from public.thread_messages
					 union all select id from public.comments union all select id from public.comment_replies`
				);
				expect(new Set(ids)).toEqual(new Set([threadId, messageId, commentId, replyId]));
			});
			it(`${ACTOR_LABEL[actor]} sees A's folders, files, versions, stored objects and attachments, and nothing of B's`, async () => {
				for (const table of ['file_folders', 'files', 'file_versions', 'file_objects', 'attachments']) {
					const networks = await seen(w.actors[actor], `select network_id as id from public.${table}`);
					expect(new Set(networks), table).toEqual(new Set([w.a.id]));
				}
				const { fileId, folderId, versionId, attachmentId } = w.filesA;
				const ids = await seen(
					w.actors[actor],
					`select id from public.file_folders union all select id from public.files
					 union all select id from public.file_versions union all select id from public.attachments`
				);
				expect(new Set(ids)).toEqual(new Set([folderId, fileId, versionId, attachmentId]));
			});
		}

		for (const actor of MEMBERS) {
			it(`${ACTOR_LABEL[actor]} sees the entries of A's map and none of B's`, async () => {
				expect(await seen(w.actors[actor], 'select id from public.map_entries')).toEqual([w.mapEntryA]);
			});
		}

		it("B's people see the entries of B's map and none of A's", async () => {
			for (const person of [w.actors.outsider, w.bMember]) {
				expect(await seen(person, 'select id from public.map_entries')).toEqual([w.mapEntryB]);
			}
		});

		for (const actor of MEMBERS) {
			it(`${ACTOR_LABEL[actor]} sees the commitments of A's pact and none of B's`, async () => {
				expect(await seen(w.actors[actor], 'select id from public.pact_commitments')).toEqual([w.commitmentA]);
			});
		}

		for (const actor of MEMBERS) {
			it(`${ACTOR_LABEL[actor]} sees the actions of A's plan and none of B's`, async () => {
				expect(await seen(w.actors[actor], 'select id from public.plan_actions')).toEqual([w.planA.action]);
				expect(await seen(w.actors[actor], 'select id from public.plan_objectives')).toEqual([w.planA.objective]);
			});
		}

		it("B's people see the commitments of B's pact and none of A's", async () => {
			for (const person of [w.actors.outsider, w.bMember]) {
				expect(await seen(person, 'select id from public.pact_commitments')).toEqual([w.commitmentB]);
			}
		});

		it("network A's facilitator learns how much of A's file quota is used, and nothing of B's, through file_space()", async () => {
			const space = (network: string) =>
				rolledBack(
					(fn) => withUser(db, w.actors.facilitator.claims, fn),
					async (tx) => (await tx.query('select used::float8 as used, quota::float8 as quota from public.file_space($1)', [network])).rows
				);
			expect(await space(w.a.id)).toEqual([{ used: 1024, quota: 5 * 1024 ** 3 }]);
			expect(await space(w.b.id)).toEqual([{ used: 0, quota: null }]);
		});

		// Notifications, visits and settings are a person's own: the readers of the two discussions have one of each.
		it("the reader of A's discussion sees its own notification, visit and settings, and none of the reader of B's", async () => {
			const { reader, notificationId, threadId } = w.conversationA;
			expect(await seen(reader, 'select id from public.notifications')).toEqual([notificationId]);
			expect(await seen(reader, 'select subject_id as id from public.visits')).toEqual([threadId]);
			expect(await seen(reader, 'select user_id as id from public.notification_settings')).toEqual([reader.id]);
		});

		it("network A's facilitator cannot export network B's activity record", async () => {
			const error = await rolledBack(
				(fn) => withUser(db, w.actors.facilitator.claims, fn),
				async (tx) =>
					tx.query('select id from public.activity_for_export($1)', [w.b.id]).then(
						() => null,
						(thrown: { code?: string }) => thrown
					)
			);
			expect(error?.code).toBe('42501');
		});

		it("network A's facilitator sees A's invitations and none of B's", async () => {
			const ids = await seen(w.actors.facilitator, 'select id from public.invitations');
			expect(ids).toEqual([w.invitationA.id]);
		});

		it("network A's facilitator, writing without a filter, changes nothing of network B", async () => {
			const untouched = await rolledBack(
				(fn) => withUser(db, w.actors.facilitator.claims, fn),
				async (tx) => {
					await tx.query(`update public.networks set description = 'toccata'`);
					await tx.query(`update public.partners set description = 'toccata'`);
					await tx.query(`update public.memberships set partner_id = null`);
					await tx.query(`update public.invitations set revoked_at = now()`);
					await tx.query('delete from public.invitations');
					await tx.query(`delete from public.partners`);
					await tx.query('reset role');
					return (
						await tx.query<{ network: boolean; partner: boolean; membership: boolean; invitation: boolean; inA: boolean }>(
							`select
							   exists (select 1 from public.networks where id = $1 and description = '') as network,
							   exists (select 1 from public.partners where id = $2 and description = '') as partner,
							   exists (select 1 from public.memberships where user_id = $3 and partner_id = $2) as membership,
							   exists (select 1 from public.invitations where id = $4 and revoked_at is null) as invitation,
							   not exists (select 1 from public.partners where network_id = $5) as "inA"`,
							[w.b.id, w.partnerB.id, w.bMember.id, w.invitationB.id, w.a.id]
						)
					).rows[0];
				}
			);
			expect(untouched).toEqual({ network: true, partner: true, membership: true, invitation: true, inA: true });
		});

		it("network A's facilitator, changing and deleting documents without a filter, touches nothing of network B", async () => {
			const untouched = await rolledBack(
				(fn) => withUser(db, w.actors.facilitator.claims, fn),
				async (tx) => {
					await tx.query(`update public.documents set title = 'Toccato', status = 'archived'`);
					await tx.query('delete from public.documents');
					await tx.query('reset role');
					return (
						await tx.query<{ document: boolean; version: boolean; inA: boolean }>(
							`select
							   exists (select 1 from public.documents where id = $1 and title = $2 and status = 'draft') as document,
							   exists (select 1 from public.document_versions where id = $3) as version,
							   not exists (select 1 from public.documents where network_id = $4) as "inA"`,
							[w.documentB.id, w.documentB.title, w.documentB.versionId, w.a.id]
						)
					).rows[0];
				}
			);
			expect(untouched).toEqual({ document: true, version: true, inA: true });
		});

		it("network A's facilitator, pinning, closing, resolving, marking read and deleting without a filter, touches nothing of network B", async () => {
			const untouched = await rolledBack(
				(fn) => withUser(db, w.actors.facilitator.claims, fn),
				async (tx) => {
					await tx.query('update public.threads set pinned = true, closed = true');
					await tx.query('update public.comments set resolved = true');
					await tx.query('update public.notifications set read_at = now()');
					await tx.query('update public.visits set seen_at = now()');
					await tx.query(`update public.notification_settings set muted = '{mention,reply,comment}'`);
					await tx.query('delete from public.threads');
					await tx.query('reset role');
					return (
						await tx.query<Record<string, boolean>>(
							`select
							   exists (select 1 from public.threads where id = $1 and not pinned and not closed) as thread,
							   exists (select 1 from public.comments where id = $2 and not resolved) as comment,
							   exists (select 1 from public.notifications where id = $3 and read_at is null) as notification,
							   exists (select 1 from public.visits where user_id = $4 and seen_at < now()) as visit,
							   exists (select 1 from public.notification_settings where user_id = $4 and muted = '{reply}') as settings,
							   not exists (select 1 from public.threads where network_id = $5) as "inA"`,
							[
								w.conversationB.threadId,
								w.conversationB.commentId,
								w.conversationB.notificationId,
								w.conversationB.reader.id,
								w.a.id
							]
						)
					).rows[0];
				}
			);
			expect(untouched).toEqual({
				thread: true,
				comment: true,
				notification: true,
				visit: true,
				settings: true,
				inA: true
			});
		});

		it("network A's facilitator, renaming, moving, binning and deleting files and folders without a filter, touches nothing of network B", async () => {
			const untouched = await rolledBack(
				(fn) => withUser(db, w.actors.facilitator.claims, fn),
				async (tx) => {
					await tx.query(`update public.files set name = 'Toccato', folder_id = null, deleted_at = now()`);
					await tx.query(`update public.file_folders set name = 'Toccata'`);
					await tx.query('delete from public.attachments');
					await tx.query('delete from public.files');
					await tx.query('delete from public.file_folders');
					await tx.query('reset role');
					return (
						await tx.query<Record<string, boolean>>(
							`select
							   exists (select 1 from public.files where id = $1 and name = 'Avviso pubblico.pdf' and folder_id = $2 and deleted_at is null) as file,
							   exists (select 1 from public.file_folders where id = $2 and name = 'Avvisi') as folder,
							   exists (select 1 from public.attachments where id = $3) as attachment,
							   exists (select 1 from public.file_objects where storage_key = $4) as object,
							   not exists (select 1 from public.files where network_id = $5) as "inA"`,
							[w.filesB.fileId, w.filesB.folderId, w.filesB.attachmentId, w.filesB.storageKey, w.a.id]
						)
					).rows[0];
				}
			);
			expect(untouched).toEqual({ file: true, folder: true, attachment: true, object: true, inA: true });
		});

		it("network A's facilitator learns nothing of B's document through document_access() and cannot initialize it", async () => {
			const emptied = preparedBy(db, async (tx) => {
				await tx.query('delete from public.document_snapshots where document_id = $1', [w.documentB.id]);
				await tx.query('delete from public.document_updates where document_id = $1', [w.documentB.id]);
			});
			const outcome = await rolledBack(
				(fn) => withUser(emptied, w.actors.facilitator.claims, fn),
				async (tx) => ({
					access: (await tx.query('select role from public.document_access($1)', [w.documentB.id])).rows,
					initialize: await tx
						.query('select public.initialize_document($1, $2)', [w.documentB.id, Buffer.from('intruso')])
						.then(
							() => 'written',
							(thrown: { code?: string }) => thrown.code
						)
				})
			);
			expect(outcome).toEqual({ access: [], initialize: '42501' });
		});

		it("a member of network A cannot name a partner of network B as the partner it speaks for", async () => {
			const error = await rolledBack(
				(fn) => withUser(db, w.actors.facilitator.claims, fn),
				async (tx) =>
					tx
						.query('update public.memberships set partner_id = $1 where network_id = $2 and user_id = $3', [
							w.partnerB.id,
							w.a.id,
							w.bystander.id
						])
						.then(
							() => null,
							(thrown: { code?: string }) => thrown
						)
			);
			expect(error?.code).toBe('23503');
		});
	});

	describe('conversation functions, beyond what the matrix can ask', () => {
		// As for the document functions below: anon would be refused anyway, so the privilege itself is asked for.
		it('an anonymous visitor may not execute may_post_in_thread(), may_comment() or activity_for_export() at all', async () => {
			const refusals = await asAnonymous([
				['select public.may_post_in_thread($1)', [w.conversationA.threadId]],
				['select public.may_comment($1)', [w.documentA.id]],
				['select id from public.activity_for_export($1)', [w.a.id]]
			]);
			expect(refusals).toEqual([
				'42501 permission denied for function may_post_in_thread',
				'42501 permission denied for function may_comment',
				'42501 permission denied for function activity_for_export'
			]);
		});
	});

	describe('file functions, beyond what the matrix can ask', () => {
		it('an anonymous visitor may not execute file_space(), may_upload() or may_attach_to() at all', async () => {
			const refusals = await asAnonymous([
				['select * from public.file_space($1)', [w.a.id]],
				['select public.may_upload($1)', [w.a.id]],
				['select public.may_attach_to($1, null, null, null)', [w.conversationA.threadId]]
			]);
			expect(refusals).toEqual([
				'42501 permission denied for function file_space',
				'42501 permission denied for function may_upload',
				'42501 permission denied for function may_attach_to'
			]);
		});
	});

	describe('document functions, beyond what the matrix can ask', () => {
		// The anonymous refusals in the matrix would hold even if anon could call these (no table grant, no
		// role), so here it is the execute privilege itself that is asked for.
		it('an anonymous visitor may not execute document_access() or initialize_document() at all', async () => {
			const refusals = await asAnonymous([
				['select * from public.document_access($1)', [w.documentA.id]],
				['select public.initialize_document($1, $2)', [w.documentA.id, Buffer.from('anonimo')]]
			]);
			expect(refusals).toEqual([
				'42501 permission denied for function document_access',
				'42501 permission denied for function initialize_document'
			]);
		});

		// The service has no role to pass the function's own check, so these cannot be operations with a control.
		const initializeAsFacilitator = (documentId: string, prepare: (tx: Queryable) => Promise<unknown>) =>
			rolledBack(
				(fn) => withUser(preparedBy(db, prepare), w.actors.facilitator.claims, fn),
				async (tx) => {
					const { rows } = await tx.query<{ written: boolean }>('select public.initialize_document($1, $2) as written', [
						documentId,
						Buffer.from('modello')
					]);
					await tx.query('reset role');
					return {
						written: rows[0].written,
						snapshot: await exists(tx, 'select 1 from public.document_snapshots where document_id = $1', [documentId])
					};
				}
			);

		it("initialize_document() leaves a new document of network A that already has stored changes as it is, even for A's facilitator", async () => {
			const id = randomUUID();
			const outcome = await initializeAsFacilitator(id, async (tx) => {
				await tx.query(`insert into public.documents (id, network_id, kind, title) values ($1, $2, 'free', 'Appunti')`, [id, w.a.id]);
				await tx.query('insert into public.document_updates (document_id, update) values ($1, $2)', [id, Buffer.from('modifica')]);
			});
			expect(outcome).toEqual({ written: false, snapshot: false });
		});

		it("initialize_document() writes nothing into a document created before this transaction, even emptied, even for A's facilitator", async () => {
			const outcome = await initializeAsFacilitator(w.documentA.id, async (tx) => {
				await tx.query('delete from public.document_snapshots where document_id = $1', [w.documentA.id]);
				await tx.query('delete from public.document_updates where document_id = $1', [w.documentA.id]);
			});
			expect(outcome).toEqual({ written: false, snapshot: false });
		});
	});
});
