import { randomUUID } from 'node:crypto';
import { exists, MEMBERS, nobodyWrites, sawRow, SIGNED_IN, type Attempt, type Operation, type Prepare, type World } from './rls-types.ts';
import type { Database, Queryable } from '../../src/lib/server/db/types.ts';

// The co-design plan part of the row-level policy matrix (rls-matrix.test.ts):
// plan_objectives and plan_actions, the projection of a plan that only the
// collab server writes. Members see their network's plan; as the API roles
// nobody inserts, changes or deletes a row, not even were the tables'
// privileges granted: there is no policy to let them. Its follow-up,
// plan_progress and plan_verifications, is append-only: editors and
// facilitators who speak for the action's lead or a contributing partner
// post progress, facilitators record verifications, in their own name.

/**
 * An objective of `document`'s plan and an action of `partner` under it, written by the service as the
 * collab server would, and a reminder sent about the action.
 */
export async function createPlanAction(
	db: Database | Queryable,
	document: { id: string; networkId: string },
	partner: { id: string },
	title: string
): Promise<{ objective: string; action: string }> {
	const objective = randomUUID();
	const action = randomUUID();
	await db.query(
		`insert into public.plan_objectives (document_id, network_id, id, level, title) values ($1, $2, $3, 'general', 'Più persone al lavoro')`,
		[document.id, document.networkId, objective]
	);
	await db.query(
		`insert into public.plan_actions (document_id, network_id, id, objective_id, title, lead_partner_id, system, starts_on, ends_on)
		 values ($1, $2, $3, $4, $5, $6, 'employment', '2027-01-01', '2027-12-31')`,
		[document.id, document.networkId, action, objective, title, partner.id]
	);
	// A reminder already sent about the action, as send_plan_reminders() records it.
	await db.query(`insert into public.plan_reminders (document_id, action_id, kind, due_on) values ($1, $2, 'action_late', '2027-12-31')`, [
		document.id,
		action
	]);
	return { objective, action };
}

type PlanTable = 'plan_objectives' | 'plan_actions';
const rowOf = (table: PlanTable, w: World) => (table === 'plan_objectives' ? w.planA.objective : w.planA.action);
const rowExists = (tx: Queryable, table: PlanTable, w: World, condition = '') =>
	exists(tx, `select 1 from public.${table} where document_id = $1 and id = $2 ${condition}`, [w.documentA.id, rowOf(table, w)]);

function planTableOperations(table: PlanTable, what: string, insert: string): Operation[] {
	return [
		{
			table,
			phrase: `see ${what} of network A's plan`,
			allowed: MEMBERS,
			act: (tx, w) => tx.query(`select id from public.${table} where document_id = $1 and id = $2`, [w.documentA.id, rowOf(table, w)]),
			tookEffect: sawRow
		},
		...nobodyWrites(table, 'insert', {
			phrase: `add ${what} to network A's plan`,
			act: (tx, w, _self, at) => tx.query(insert, [w.documentA.id, w.a.id, at.id, w.planA.objective, w.partnerA.id]),
			tookEffect: (tx, _w, _self, _rows, at) => exists(tx, `select 1 from public.${table} where id = $1`, [at.id])
		}),
		...nobodyWrites(table, 'update', {
			phrase: `change ${what} of network A's plan`,
			act: (tx, w) => tx.query(`update public.${table} set title = 'Cambiato a mano' where document_id = $1 and id = $2`, [w.documentA.id, rowOf(table, w)]),
			tookEffect: (tx, w) => rowExists(tx, table, w, `and title = 'Cambiato a mano'`)
		}),
		...nobodyWrites(table, 'delete', {
			phrase: `delete ${what} of network A's plan`,
			act: (tx, w) => tx.query(`delete from public.${table} where document_id = $1 and id = $2`, [w.documentA.id, rowOf(table, w)]),
			tookEffect: async (tx, w) => !(await rowExists(tx, table, w))
		})
	];
}

export const planOperations: Operation[] = [
	...planTableOperations(
		'plan_objectives',
		'an objective',
		// $4 and $5 are the action's: an objective names neither.
		`insert into public.plan_objectives (document_id, network_id, id, level, title)
		 select $1, $2, $3, 'general', 'Obiettivo scritto a mano' where $4::uuid is not null and $5::uuid is not null`
	),
	...planTableOperations(
		'plan_actions',
		'an action',
		`insert into public.plan_actions (document_id, network_id, id, objective_id, lead_partner_id, title, system)
		 values ($1, $2, $3, $4, $5, 'Azione scritta a mano', 'social')`
	)
];

/** The acting person speaks for partnerA, the lead of planA's action (when a member of A). */
const speakingForLead: Prepare = async (tx, w, self) => {
	if (self) await tx.query('update public.memberships set partner_id = $3 where network_id = $1 and user_id = $2', [w.a.id, self.id, w.partnerA.id]);
};

/** The acting person speaks for no partner. */
const speakingForNobody: Prepare = async (tx, w, self) => {
	if (self) await tx.query('update public.memberships set partner_id = null where network_id = $1 and user_id = $2', [w.a.id, self.id]);
};

const postProgress = (tx: Queryable, w: World, _self: unknown, at: Attempt) =>
	tx.query(
		`insert into public.plan_progress (id, network_id, document_id, action_id, status, percent, note)
		 values ($1, $2, $3, $4, 'on_track', 40, 'Quattro tirocini avviati')`,
		[at.id, w.a.id, w.documentA.id, w.planA.action]
	);
const recordVerification = (tx: Queryable, w: World, _self: unknown, at: Attempt) =>
	tx.query(
		`insert into public.plan_verifications (id, network_id, document_id, action_id, verdict, reason)
		 values ($1, $2, $3, $4, 'partly', 'Metà dei tirocini avviati')`,
		[at.id, w.a.id, w.documentA.id, w.planA.action]
	);
const progressExists: Operation['tookEffect'] = (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.plan_progress where id = $1', [at.id]);
const verificationExists: Operation['tookEffect'] = (tx, _w, _self, _rows, at) =>
	exists(tx, 'select 1 from public.plan_verifications where id = $1', [at.id]);

/** A row of each follow-up table on planA's action, written by the service. */
const followUpRows: Prepare = async (tx, w, _self, at) => {
	await tx.query(
		`insert into public.plan_progress (id, network_id, document_id, action_id, status, posted_by) values ($1, $2, $3, $4, 'late', $5)`,
		[at.id, w.a.id, w.documentA.id, w.planA.action, w.actors.editor.id]
	);
	await tx.query(
		`insert into public.plan_verifications (id, network_id, document_id, action_id, verdict, reason, recorded_by) values ($1, $2, $3, $4, 'achieved', 'Fatto', $5)`,
		[at.id, w.a.id, w.documentA.id, w.planA.action, w.actors.facilitator.id]
	);
};

const EDITORS = MEMBERS.filter((member) => member === 'facilitator' || member === 'editor');

export const followUpOperations: Operation[] = [
	{
		table: 'plan_progress',
		phrase: "see a progress update on an action of A's plan",
		allowed: MEMBERS,
		prepare: followUpRows,
		act: (tx, _w, _self, at) => tx.query('select id from public.plan_progress where id = $1', [at.id]),
		tookEffect: sawRow
	},
	{
		table: 'plan_progress',
		phrase: "post progress on an action of A's plan led by the partner it speaks for",
		actors: SIGNED_IN,
		allowed: EDITORS,
		prepare: speakingForLead,
		act: postProgress,
		tookEffect: progressExists
	},
	{
		table: 'plan_progress',
		phrase: "post progress on an action of A's plan without speaking for its lead or a contributor",
		actors: SIGNED_IN,
		allowed: [],
		prepare: speakingForNobody,
		act: postProgress,
		tookEffect: progressExists
	},
	{
		table: 'plan_progress',
		phrase: "post progress on an action of A's plan in the name of the bystander",
		actors: SIGNED_IN,
		allowed: [],
		prepare: speakingForLead,
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.plan_progress (id, network_id, document_id, action_id, status, posted_by) values ($1, $2, $3, $4, 'done', $5)`,
				[at.id, w.a.id, w.documentA.id, w.planA.action, w.bystander.id]
			),
		tookEffect: progressExists
	},
	{
		table: 'plan_progress',
		phrase: "post progress with evidence from network B's file space",
		actors: SIGNED_IN,
		allowed: [],
		prepare: speakingForLead,
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.plan_progress (id, network_id, document_id, action_id, status, file_ids) values ($1, $2, $3, $4, 'on_track', array[$5::uuid])`,
				[at.id, w.a.id, w.documentA.id, w.planA.action, w.filesB.fileId]
			),
		tookEffect: progressExists
	},
	{
		table: 'plan_progress',
		phrase: "change a progress update on A's plan",
		allowed: [],
		refusedForAll: 'plan_record_immutable',
		prepare: followUpRows,
		act: (tx, _w, _self, at) => tx.query(`update public.plan_progress set percent = 100 where id = $1`, [at.id]),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.plan_progress where id = $1 and percent = 100', [at.id])
	},
	{
		table: 'plan_progress',
		phrase: "delete a progress update on A's plan",
		allowed: [],
		refusedForAll: 'plan_record_immutable',
		prepare: followUpRows,
		act: (tx, _w, _self, at) => tx.query('delete from public.plan_progress where id = $1', [at.id]),
		tookEffect: async (tx, w, self, rows, at) => !(await progressExists(tx, w, self, rows, at))
	},
	{
		table: 'plan_verifications',
		phrase: "see a verification of an action of A's plan",
		allowed: MEMBERS,
		prepare: followUpRows,
		act: (tx, _w, _self, at) => tx.query('select id from public.plan_verifications where id = $1', [at.id]),
		tookEffect: sawRow
	},
	{
		table: 'plan_verifications',
		phrase: "record a verification of an action of A's plan",
		actors: SIGNED_IN,
		allowed: ['facilitator'],
		act: recordVerification,
		tookEffect: verificationExists
	},
	{
		table: 'plan_verifications',
		phrase: "change a verification of A's plan",
		allowed: [],
		refusedForAll: 'plan_record_immutable',
		prepare: followUpRows,
		act: (tx, _w, _self, at) => tx.query(`update public.plan_verifications set verdict = 'not_achieved' where id = $1`, [at.id]),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, `select 1 from public.plan_verifications where id = $1 and verdict = 'not_achieved'`, [at.id])
	},
	{
		table: 'plan_verifications',
		phrase: "delete a verification of A's plan",
		allowed: [],
		refusedForAll: 'plan_record_immutable',
		prepare: followUpRows,
		act: (tx, _w, _self, at) => tx.query('delete from public.plan_verifications where id = $1', [at.id]),
		tookEffect: async (tx, w, self, rows, at) => !(await verificationExists(tx, w, self, rows, at))
	}
];

const reminderExists = (tx: Queryable, w: World, condition = '') =>
	exists(tx, `select 1 from public.plan_reminders where document_id = $1 and action_id = $2 ${condition}`, [w.documentA.id, w.planA.action]);

/** plan_reminders is send_plan_reminders()'s own: nobody reads or writes it as the API roles. */
export const reminderOperations: Operation[] = [
	{
		table: 'plan_reminders',
		phrase: "see which reminders went out about A's plan",
		allowed: [],
		act: (tx, w) => tx.query('select action_id from public.plan_reminders where document_id = $1', [w.documentA.id]),
		tookEffect: sawRow
	},
	...nobodyWrites('plan_reminders', 'insert', {
		phrase: "mark a reminder about A's plan as sent",
		act: (tx, w) =>
			tx.query(`insert into public.plan_reminders (document_id, action_id, kind, due_on) values ($1, $2, 'verification_due', '2027-06-30')`, [
				w.documentA.id,
				w.planA.action
			]),
		tookEffect: (tx, w) => reminderExists(tx, w, `and kind = 'verification_due'`)
	}),
	...nobodyWrites('plan_reminders', 'update', {
		phrase: "move the date of a reminder about A's plan",
		act: (tx, w) => tx.query(`update public.plan_reminders set due_on = '2028-01-01' where document_id = $1`, [w.documentA.id]),
		tookEffect: (tx, w) => reminderExists(tx, w, `and due_on = '2028-01-01'`)
	}),
	...nobodyWrites('plan_reminders', 'delete', {
		phrase: "forget a reminder about A's plan, so it goes out again",
		act: (tx, w) => tx.query('delete from public.plan_reminders where document_id = $1', [w.documentA.id]),
		tookEffect: async (tx, w) => !(await reminderExists(tx, w))
	})
];
