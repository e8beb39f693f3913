// Importing a plan from a CSV file into a co-design document, as the person.
// The plan lives in the document's Yjs state and the right to write it in
// SQL, and no transaction spans both: the database is asked first
// (may_write_document, the rule the live editor's connection follows), then
// the rows are read again against the plan as the collab server holds it
// (an objective made by someone since the preview is matched, not doubled)
// and written into it, so every open page sees them arrive.
import { randomUUID } from 'node:crypto';
import type { CollabServer } from '../collab/types.ts';
import type { Queryable } from '../db/types.ts';
import type { AsPerson } from '../pact/proposals.ts';
import { listPartners } from '../networks/partners.ts';
import { PLAN_ACTIONS, PLAN_OBJECTIVES } from '../../plan/plan-doc.ts';
import { analysePlanCsv } from '../../plan/import.ts';
import type { Message } from '../../map/import/problems.ts';
import { putItems, readItems } from '../../structured/items-doc.ts';

/** Whether the person may change the document's plan: the database decides. */
export async function mayWritePlan(tx: Queryable, documentId: string): Promise<boolean> {
	const { rows } = await tx.query<{ may: boolean }>('select public.may_write_document($1) as may', [documentId]);
	return rows[0]?.may === true;
}

export class PlanImportRefused extends Error {
	constructor() {
		super('planImport.error.refused');
	}
}

export interface PlanImported {
	actions: number;
	objectives: number;
}

/**
 * Adds the file's good rows to the document's plan, as the person: their new
 * objectives and their actions. Refused (PlanImportRefused) unless the
 * database lets the person write the document; a file that cannot be read
 * answers why.
 */
export async function importPlan(
	db: AsPerson,
	collab: CollabServer,
	userId: string,
	networkId: string,
	documentId: string,
	text: string
): Promise<PlanImported | { error: Message }> {
	const partners = await db(async (tx) => {
		if (!(await mayWritePlan(tx, documentId))) throw new PlanImportRefused();
		return listPartners(tx, networkId);
	});
	return collab.change(documentId, userId, (doc, origin) => {
		const plan = analysePlanCsv(text, { partners, objectives: readItems(doc, PLAN_OBJECTIVES).items }, randomUUID);
		if ('error' in plan) return plan;
		doc.transact(() => {
			putItems(doc, PLAN_OBJECTIVES, plan.objectives, origin);
			putItems(doc, PLAN_ACTIONS, plan.actions, origin);
		}, origin);
		return { actions: plan.actions.length, objectives: plan.objectives.length };
	});
}
