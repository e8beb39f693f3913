// How a co-design plan's objectives and actions become rows of
// public.plan_objectives and public.plan_actions: the plan's two parts of
// the collab server's projection (collab/projection.ts). Every well-formed
// item is projected, as the plan's pages show it: an action whose lead has
// left the network keeps its row with no lead (the pages mark it), and its
// contributing partners are only the network's.
import type { Queryable } from '../db/types.ts';
import type { Action, Objective } from '../../plan/plan.ts';
import { PLAN_LIMITS } from '../../plan/plan.ts';
import { PLAN_ACTIONS, PLAN_OBJECTIVES } from '../../plan/plan-doc.ts';
import { networkPartners, type Projector } from '../collab/projection.ts';
import { ACTION_COLUMNS, OBJECTIVE_COLUMNS, actionRow, objectiveRow, selectList, type ActionRow, type Columns, type ObjectiveRow } from './rows.ts';

/** Reading, writing and removing a document's rows of one plan table, from its columns. */
function tableRows<Row extends { id: string }>(table: string, columns: Columns) {
	const written = ['id', ...columns.map(([column]) => column)].join(', ');
	const record = ['id uuid', ...columns.map(([column, type]) => `${column} ${type}`)].join(', ');
	const updates = [...columns.map(([column]) => `${column} = excluded.${column}`), 'updated_at = now()'].join(', ');
	return {
		async read(tx: Queryable, documentId: string, ids: string[] | null): Promise<Row[]> {
			const { rows } = await tx.query<Row>(
				`select ${selectList(columns)} from public.${table} where document_id = $1 and ($2::uuid[] is null or id = any($2::uuid[]))`,
				[documentId, ids]
			);
			return rows;
		},
		// Any number of rows in one statement, travelling as one JSON array.
		async upsert(tx: Queryable, documentId: string, networkId: string, rows: Row[]): Promise<void> {
			await tx.query(
				`insert into public.${table} (document_id, network_id, ${written})
				 select $1, $2, ${written} from jsonb_to_recordset($3::jsonb) as r (${record})
				 on conflict (document_id, id) do update set ${updates}`,
				[documentId, networkId, JSON.stringify(rows)]
			);
		},
		async remove(tx: Queryable, documentId: string, ids: string[]): Promise<void> {
			await tx.query(`delete from public.${table} where document_id = $1 and id = any($2::uuid[])`, [documentId, ids]);
		}
	};
}

/** A plan is found by its objectives' and actions' titles. */
function titleText(fields: { get(key: string): unknown }): string {
	const title = fields.get('title');
	return typeof title === 'string' ? title.trim().slice(0, PLAN_LIMITS.title) : '';
}

const money = (value: string | number | null) => (value === null ? null : Number(value));

export const OBJECTIVES_PROJECTOR: Projector<Objective, ObjectiveRow, null> = {
	documentKind: 'co_design',
	kind: PLAN_OBJECTIVES,
	lock: 'objectives',
	known: async () => null,
	row: objectiveRow,
	fingerprint: (row) => JSON.stringify([row.level, row.parent_id, row.title, row.description, row.need_ids]),
	...tableRows<ObjectiveRow>('plan_objectives', OBJECTIVE_COLUMNS),
	searchText: titleText
};

export const ACTIONS_PROJECTOR: Projector<Action, ActionRow, ReadonlySet<string>> = {
	documentKind: 'co_design',
	kind: PLAN_ACTIONS,
	lock: 'actions',
	known: networkPartners,
	row(action, partners) {
		const row = actionRow(action);
		return {
			...row,
			lead_partner_id: row.lead_partner_id && partners.has(row.lead_partner_id) ? row.lead_partner_id : null,
			partner_ids: row.partner_ids.filter((id) => partners.has(id))
		};
	},
	// numeric comes back as text ('2500.00'), jsonb with its keys in its own order: both compare as values.
	fingerprint: (row) =>
		JSON.stringify([
			row.objective_id,
			row.title,
			row.description,
			row.lead_partner_id,
			row.partner_ids,
			row.system,
			row.starts_on,
			row.ends_on,
			row.people,
			row.hours,
			money(row.euros_public),
			money(row.euros_own),
			money(row.euros_other),
			row.outputs,
			row.indicators.map(({ id, name, baseline, target, unit }) => [id, name, baseline, target, unit]),
			row.verification_how,
			row.verification_by,
			row.verification_on,
			row.commitment_ids,
			row.revises_id
		]),
	...tableRows<ActionRow>('plan_actions', ACTION_COLUMNS),
	searchText: titleText
};
