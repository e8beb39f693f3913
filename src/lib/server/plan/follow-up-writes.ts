// Posting progress on a plan's action and recording its verification, as
// the person: the database decides who may (plan_progress and
// plan_verifications' policies, 20261207186000_plan_follow_up.sql). A
// verification may open a revised action, which lives in the plan's Yjs
// state: see recordVerification for the order of the two writes.
import type { Queryable } from '../db/types.ts';
import type { CollabServer } from '../collab/types.ts';
import type { AsPerson } from '../pact/proposals.ts';
import type { PgError } from '../db/errors.ts';
import type { ProgressInput, VerificationInput } from '../../plan/follow-up-form.ts';
import type { Action } from '../../plan/plan.ts';
import { PLAN_ACTIONS } from '../../plan/plan-doc.ts';
import { checkedItem, itemsMap, putItems, removeItems } from '../../structured/items-doc.ts';

/** Whether the person may post progress on the action: the policy's own rule. */
export async function mayPostProgress(tx: Queryable, documentId: string, actionId: string): Promise<boolean> {
	const { rows } = await tx.query<{ may: boolean }>('select public.may_post_progress($1, $2) as may', [documentId, actionId]);
	return rows[0].may;
}

/** Whether the person facilitates the network, as the verifications' policy asks. */
export async function isFacilitator(tx: Queryable, networkId: string): Promise<boolean> {
	const { rows } = await tx.query<{ may: boolean }>(`select public.has_role($1, '{facilitator}') as may`, [networkId]);
	return rows[0].may;
}

export interface ActionPlace {
	networkId: string;
	documentId: string;
	actionId: string;
}

/** Posts a progress update as the person; RLS refuses whoever does not speak for the action's partners. */
export async function postProgress(tx: Queryable, place: ActionPlace, input: ProgressInput, fileIds: string[]): Promise<string> {
	const { rows } = await tx.query<{ id: string }>(
		`insert into public.plan_progress (network_id, document_id, action_id, status, percent, indicator_values, note, file_ids)
		 values ($1, $2, $3, $4, $5, $6, $7, $8::uuid[]) returning id`,
		[place.networkId, place.documentId, place.actionId, input.status, input.percent, JSON.stringify(input.indicatorValues), input.note, fileIds]
	);
	return rows[0].id;
}

/** A refusal the database gave for the follow-up's rows: who may not, or what it does not hold. */
export function followUpRefusal(error: unknown): 'refused' | 'percent' | 'files' | null {
	const e = error as PgError;
	if (e?.code === '42501') return 'refused';
	if (e?.code === '23514' && e.constraint?.includes('percent')) return 'percent';
	return null;
}

/** The revised action: a copy of the old one that names it, under the id and title the form chose. */
export const revisedAction = (old: Action, revised: { id: string; title: string }): Action => ({
	...old,
	id: revised.id,
	title: revised.title,
	revisesId: old.id
});

/**
 * Records a verification as the person, and, when asked, the revised action
 * that carries what changes next. In three steps, since the action lives in
 * the plan's Yjs state and the verification in SQL, and no transaction spans
 * both (the order of acceptProposal, ../pact/proposals.ts):
 *
 * 1. the database is asked whether the person facilitates the network and
 *    reads the action to revise;
 * 2. the revised action is written into the plan under the id the form chose,
 *    unless the plan holds that id already (a form sent twice);
 * 3. the verification is inserted under its own chosen id, naming it; a row
 *    with that id already there is the same verification sent twice.
 *
 * Should 3 be refused, the action 2 wrote is taken out again, so a revised
 * action never stands without the verification that opened it.
 */
export async function recordVerification(
	db: AsPerson,
	collab: CollabServer,
	userId: string,
	place: ActionPlace,
	input: VerificationInput
): Promise<void> {
	const allowed = await db((tx) => isFacilitator(tx, place.networkId));
	if (!allowed) throw Object.assign(new Error('not a facilitator'), { code: '42501' });
	let added = false;
	if (input.revised) {
		const revised = input.revised;
		added = await collab.change(place.documentId, userId, (doc, origin) => {
			const actions = itemsMap(doc, PLAN_ACTIONS);
			if (actions.has(revised.id)) return false;
			const old = checkedItem(PLAN_ACTIONS, place.actionId, actions.get(place.actionId));
			if (!old) throw Object.assign(new Error('action gone'), { code: 'action_gone' });
			putItems(doc, PLAN_ACTIONS, [revisedAction(old, revised)], origin);
			return true;
		});
	}
	try {
		await db((tx) =>
			tx.query(
				`insert into public.plan_verifications (id, network_id, document_id, action_id, verdict, reason, next_step, next_action_id)
				 values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (id) do nothing`,
				[input.id, place.networkId, place.documentId, place.actionId, input.verdict, input.reason, input.nextStep, input.revised?.id ?? null]
			)
		);
	} catch (error) {
		if (added) await collab.change(place.documentId, userId, (doc, origin) => removeItems(doc, PLAN_ACTIONS, [input.revised!.id], origin));
		throw error;
	}
	// The plan's tables, which the pages read, hold the new action before the page comes back.
	if (input.revised) await collab.project(place.documentId);
}
