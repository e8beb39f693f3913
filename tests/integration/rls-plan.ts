import { randomUUID } from 'node:crypto';
import { exists, MEMBERS, nobodyWrites, sawRow, type Operation, type World } from './rls-types.ts';
import type { Database, Queryable } from '../../src/lib/server/db/types.ts';

// The co-design plan part of the row-level policy matrix (rls-matrix.test.ts):
// plan_objectives and plan_actions, the projection of a plan that only the
// collab server writes. Members see their network's plan; as the API roles
// nobody inserts, changes or deletes a row, not even were the tables'
// privileges granted: there is no policy to let them.

/** An objective of `document`'s plan and an action of `partner` under it, written by the service as the collab server would. */
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
