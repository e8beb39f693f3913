// A co-design document's plan and follow-up as its exports and report read
// them, in one transaction as the person: RLS decides what each of them holds.
import type { Queryable } from '../db/types.ts';
import { openDocument, type DocumentDetail } from '../documents/queries.ts';
import { listPartners } from '../networks/partners.ts';
import type { Action, Objective, ProgressUpdate, Verification } from '../../plan/plan.ts';
import { readPlan } from './queries.ts';
import { listProgress, listVerifications } from './follow-up.ts';

export interface PlanExportData {
	document: DocumentDetail;
	objectives: Objective[];
	actions: Action[];
	updates: ProgressUpdate[];
	verifications: Verification[];
	/** The network's partners' names by id. */
	partners: Map<string, string>;
}

/** The plan of a co-design document the person may open, or null for any other document or one they may not. */
export async function readPlanExport(tx: Queryable, networkId: string, documentId: string): Promise<PlanExportData | null> {
	const document = await openDocument(tx, networkId, documentId);
	if (!document || document.kind !== 'co_design') return null;
	const { objectives, actions } = await readPlan(tx, documentId);
	const updates = await listProgress(tx, documentId);
	const verifications = await listVerifications(tx, documentId);
	const partners = await listPartners(tx, networkId);
	return { document, objectives, actions, updates, verifications, partners: new Map(partners.map((partner) => [partner.id, partner.name])) };
}
