import type {
	TestDocument,
	TestInvitation,
	TestNetwork,
	TestPartner,
	TestUser
} from './factories.ts';
import type { Queryable } from '../../src/lib/server/db/types.ts';

// The vocabulary of the row-level policy matrix (rls-matrix.test.ts), shared
// with the files that hold part of its operations (rls-documents.ts,
// rls-conversations.ts, rls-records.ts, rls-files.ts, rls-map.ts): who acts, the world
// they act on, what an operation is, and the shapes of operation that recur.

export type PersonName = 'facilitator' | 'editor' | 'commenter' | 'viewer' | 'outsider' | 'stranger';
export type ActorName = PersonName | 'anonymous';

export const MEMBERS: PersonName[] = ['facilitator', 'editor', 'commenter', 'viewer'];
export const SIGNED_IN: PersonName[] = [...MEMBERS, 'outsider', 'stranger'];
export const EVERYONE: ActorName[] = [...SIGNED_IN, 'anonymous'];

/** The tables in public, in the order the matrix reports them. */
export const TABLES = [
	'networks',
	'partners',
	'memberships',
	'invitations',
	'profiles',
	'documents',
	'document_versions',
	'document_snapshots',
	'document_updates',
	'document_problems',
	'document_contributors',
	'document_approvals',
	'document_reopenings',
	'document_reviews',
	'threads',
	'thread_messages',
	'comments',
	'comment_replies',
	'visits',
	'notifications',
	'notification_settings',
	'activity',
	'file_folders',
	'file_objects',
	'file_removals',
	'files',
	'file_versions',
	'attachments',
	'map_entries',
	'pact_commitments',
	'access_requests',
	'commitment_proposals',
	'pact_seals',
	'pact_adhesions',
	'adhesion_signatures',
	'plan_objectives',
	'plan_actions',
	'plan_progress',
	'plan_verifications',
	'plan_reminders'
] as const;
export type Table = (typeof TABLES)[number];

/** A document with one of each row that hangs off it, all written by the service. */
export interface DocumentScene extends TestDocument {
	title: string;
	/** Its author, an editor of the network, also recorded as its one contributor. */
	author: TestUser;
	/** A named version the author saved. */
	versionId: string;
	/** A stored change set aside as unreadable. */
	problemId: string;
}

/** A discussion and a commented passage in one network, with what the database writes around them. */
export interface ConversationScene {
	/** Wrote all of it: the thread, the reply in it, the comment and the reply to that. */
	author: TestUser;
	/** Another member, mentioned in the reply, who has looked at the thread and turned off reply notifications. */
	reader: TestUser;
	/** Open, not pinned, about the network's document. */
	threadId: string;
	messageId: string;
	/** Open, on the network's document. */
	commentId: string;
	replyId: string;
	/** The mention notification the database wrote for the reader. */
	notificationId: string;
	/** The activity record's entry for the thread's start. */
	activityId: string;
}

/** A network's file space with one of each row, written by the service. */
export interface FileScene {
	/** At the top of the file space, made by the network's editor. */
	folderId: string;
	/** In that folder, uploaded by the same editor: one version of one stored object. */
	fileId: string;
	versionId: string;
	storageKey: string;
	/** The file, attached by its author to the conversation scene's thread. */
	attachmentId: string;
	/** An object of the network that no version uses any more, waiting for the server to remove its bytes. */
	removalKey: string;
}

export interface World {
	a: TestNetwork;
	b: TestNetwork;
	actors: Record<PersonName, TestUser>;
	/** A second facilitator of A, so that A's facilitator may leave. */
	coFacilitator: TestUser;
	/** A viewer of A who is nobody's actor: the "other member" whose rows others try to touch. */
	bystander: TestUser;
	/** Signed up, in no network: the person being added or invited. */
	newcomer: TestUser;
	/** An editor of B only. */
	bMember: TestUser;
	partnerA: TestPartner;
	partnerB: TestPartner;
	invitationA: TestInvitation;
	invitationB: TestInvitation;
	/** A draft in A by A's editor, with a snapshot, one stored change, a version, a problem and a contributor. */
	documentA: DocumentScene;
	/** The same in B, by B's editor. */
	documentB: DocumentScene;
	/** By A's second facilitator, on documentA, read by the bystander. */
	conversationA: ConversationScene;
	/** By B's facilitator, on documentB, read by B's editor. */
	conversationB: ConversationScene;
	/** Uploaded by A's editor; the file is attached to conversationA's thread. */
	filesA: FileScene;
	/** Uploaded by B's editor; the file is attached to conversationB's thread. */
	filesB: FileScene;
	/** An entry of documentA's map, as the collab server projects it. */
	mapEntryA: string;
	/** The same in documentB. */
	mapEntryB: string;
	/** A commitment of partnerA, projected as the collab server would into documentA (the table does not ask the document's kind). */
	commitmentA: string;
	/** The same in documentB, of partnerB. */
	commitmentB: string;
	/** An objective of documentA's plan and an action under it led by partnerA, projected as the collab server would. */
	planA: { objective: string; action: string };
	/** The same in documentB, led by partnerB. */
	planB: { objective: string; action: string };
}

/** Per-attempt values, such as the id of a row about to be inserted. */
export interface Attempt {
	id: string;
}

export interface Operation {
	table: Table;
	/** Finishes the sentence "<actor> can / cannot …". */
	phrase: string;
	/** Who is asked; everyone unless the operation only makes sense for some. */
	actors?: ActorName[];
	/** Who succeeds. */
	allowed: ActorName[];
	/** Service-side set-up inside the rolled-back transaction, before the actor acts. */
	prepare?: (tx: Queryable, w: World, self: TestUser | null, attempt: Attempt) => Promise<unknown>;
	/** The statement, run as the actor. */
	act: (tx: Queryable, w: World, self: TestUser | null, attempt: Attempt) => Promise<{ rows: unknown[] }>;
	/**
	 * A constraint or trigger that refuses the statement to every connection,
	 * the service's too: its name. The control then expects the service to be
	 * refused with it instead of succeeding, and an actor's refusal may carry
	 * it instead of the policies' 42501 (a composite foreign key, say, refuses
	 * those whom the policies let through).
	 */
	refusedForAll?: string;
	/** Judged afterwards as the service: did it see / write / change / delete the row? */
	tookEffect: (tx: Queryable, w: World, self: TestUser | null, rows: unknown[], attempt: Attempt) => Promise<boolean>;
}

export const exists = async (tx: Queryable, sql: string, params: unknown[]) =>
	(await tx.query<{ found: boolean }>(`select exists (${sql}) as found`, params)).rows[0].found;

export const sawRow = async (_tx: Queryable, _w: World, _self: TestUser | null, rows: unknown[]) => rows.length === 1;

export type Prepare = NonNullable<Operation['prepare']>;

/** Text and bytes no other attempt writes, to find afterwards what this one wrote. */
export const textOf = (at: Attempt) => at.id;
export const bytesOf = (at: Attempt) => Buffer.from(at.id);

/** Did the attempt's new row of `table` land, in the name of the person who acted? */
export const writtenBy =
	(table: Table): Operation['tookEffect'] =>
	(tx, _w, self, _rows, at) =>
		exists(tx, `select 1 from public.${table} where id = $1 and author_id = $2`, [at.id, self?.id ?? null]);

/** Did the attempt's new row of `table` land at all? */
export const wroteRow =
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
export function inAnotherName(
	op: Omit<Operation, 'allowed'>,
	column: 'author_id' | 'user_id' | 'created_by' | 'uploaded_by' | 'added_by' | 'proposed_by'
): Operation[] {
	return [
		{ ...op, allowed: [] },
		{
			...op,
			phrase: `${op.phrase}, even were ${column} its to set`,
			allowed: [],
			prepare: async (tx, w, self, at) => {
				await op.prepare?.(tx, w, self, at);
				await tx.query(`grant insert (${column}) on table public.${op.table} to authenticated`);
			}
		}
	];
}

/** Changing a column the update grant leaves out, in a row of one's own: nobody may, not even its author. */
export function rewrite(table: Table, noun: string, own: Prepare, column: string, value: (at: Attempt) => unknown): Operation {
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
export function erase(table: Table, noun: string, own: Prepare): Operation {
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

/**
 * A write nobody may make to a table only the service writes (a projection
 * of a document's structured part), asked twice: as the API role stands,
 * with no privilege to write, and with `privilege` lent to it inside the
 * attempt's (rolled back) transaction, so that the missing policy is asked too.
 */
export function nobodyWrites(
	table: Table,
	privilege: 'insert' | 'update' | 'delete',
	op: Omit<Operation, 'table' | 'allowed'>
): Operation[] {
	return [
		{ ...op, table, allowed: [] },
		{
			...op,
			table,
			phrase: `${op.phrase}, even were ${privilege} granted`,
			allowed: [],
			prepare: (tx) => tx.query(`grant ${privilege} on table public.${table} to authenticated`)
		}
	];
}
