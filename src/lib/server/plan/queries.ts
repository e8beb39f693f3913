// A co-design plan as last projected into SQL, read as the person (RLS
// decides): for first paint, pages without JavaScript, reminders and exports.
import type { Queryable } from '../db/types.ts';
import type { Action, Objective } from '../../plan/plan.ts';
import { PLAN_ACTIONS, PLAN_OBJECTIVES } from '../../plan/plan-doc.ts';
import { ACTION_COLUMNS, OBJECTIVE_COLUMNS, actionOfRow, objectiveOfRow, selectList, type ActionRow, type ObjectiveRow } from './rows.ts';

export async function listObjectives(tx: Queryable, documentId: string): Promise<Objective[]> {
	const { rows } = await tx.query<ObjectiveRow>(`select ${selectList(OBJECTIVE_COLUMNS)} from public.plan_objectives where document_id = $1`, [documentId]);
	return rows.map(objectiveOfRow).sort(PLAN_OBJECTIVES.compare);
}

export async function listActions(tx: Queryable, documentId: string): Promise<Action[]> {
	const { rows } = await tx.query<ActionRow>(`select ${selectList(ACTION_COLUMNS)} from public.plan_actions where document_id = $1`, [documentId]);
	return rows.map(actionOfRow).sort(PLAN_ACTIONS.compare);
}

/** The document's plan: its objectives and its actions, each in the plan's order. */
export async function readPlan(tx: Queryable, documentId: string): Promise<{ objectives: Objective[]; actions: Action[] }> {
	const [objectives, actions] = await Promise.all([listObjectives(tx, documentId), listActions(tx, documentId)]);
	return { objectives, actions };
}
