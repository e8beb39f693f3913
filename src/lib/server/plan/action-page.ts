// What an action's page shows, read as the person (RLS decides): the action
// as last projected from the plan, where it stands (rollup.ts), its history,
// the loop of actions that revise one another, the names it refers to, and
// who may post progress or record a verification. An action taken out of the
// plan that has a history still has a page, which says so.
import { error } from '@sveltejs/kit';
import type { Queryable } from '../db/types.ts';
import { openDocument, type DocumentDetail } from '../documents/queries.ts';
import { isUuid } from '../../uuid.ts';
import { TIME_ZONE } from '../../dates.ts';
import { actionStates, revisionLoop, type ActionState } from '../../plan/rollup.ts';
import type { Action, ProgressUpdate, Verification } from '../../plan/plan.ts';
import { listActions } from './queries.ts';
import { listProgress, listVerifications } from './follow-up.ts';
import { isFacilitator, mayPostProgress } from './follow-up-writes.ts';

/** Today where the networks work, as an ISO date: what late and due are measured against. */
export const planToday = (now = new Date()): string => now.toLocaleDateString('en-CA', { timeZone: TIME_ZONE });

/** The co-design document a page under /documents/<docId>/plan is about: anything else is a 404. */
export async function openPlanDocument(tx: Queryable, networkId: string, documentId: string): Promise<DocumentDetail> {
	const doc = isUuid(documentId) ? await openDocument(tx, networkId, documentId) : null;
	if (!doc || doc.kind !== 'co_design') error(404, 'planFollowUp.notFound');
	return doc;
}

export interface EvidenceFile {
	id: string;
	name: string;
	inBin: boolean;
}

export interface ActionPage {
	document: DocumentDetail;
	actionId: string;
	/** Null when the action is no longer in the plan (it has a history, or there would be no page). */
	state: ActionState | null;
	/** Its progress updates and verifications, newest first. */
	history: { progress: ProgressUpdate[]; verifications: Verification[] };
	/** The actions it revises, itself, and those revising it, in order. */
	loop: Pick<Action, 'id' | 'title' | 'revisesId'>[];
	/** The titles of actions the history names (a verification's next action). */
	actionTitles: Record<string, string>;
	partnerNames: Record<string, string>;
	commitments: { id: string; title: string }[];
	/** The evidence files the history names that are still in the file space. */
	files: Record<string, EvidenceFile>;
	mayPost: boolean;
	mayVerify: boolean;
	today: string;
}

export async function loadActionPage(tx: Queryable, networkId: string, documentId: string, actionId: string): Promise<ActionPage> {
	const document = await openPlanDocument(tx, networkId, documentId);
	if (!isUuid(actionId)) error(404, 'planFollowUp.notFound');
	const id = actionId.toLowerCase();
	const [actions, progress, verifications] = await Promise.all([
		listActions(tx, document.id),
		listProgress(tx, document.id, id),
		listVerifications(tx, document.id, id)
	]);
	const action = actions.find((candidate) => candidate.id === id) ?? null;
	if (!action && progress.length === 0 && verifications.length === 0) error(404, 'planFollowUp.notFound');
	const today = planToday();
	const state = action ? actionStates([action], progress, verifications, today)[0] : null;
	const fileIds = [...new Set(progress.flatMap((update) => update.fileIds))];
	const [partners, commitments, files, mayPost, mayVerify] = await Promise.all([
		tx.query<{ id: string; name: string }>('select id, name from public.partners where network_id = $1', [networkId]),
		tx.query<{ id: string; title: string }>(
			'select id, title from public.pact_commitments where network_id = $1 and id = any($2::uuid[]) order by title, id',
			[networkId, action?.commitmentIds ?? []]
		),
		tx.query<EvidenceFile>(
			'select id, name, deleted_at is not null as "inBin" from public.files where network_id = $1 and id = any($2::uuid[])',
			[networkId, fileIds]
		),
		action ? mayPostProgress(tx, document.id, id) : false,
		action ? isFacilitator(tx, networkId) : false
	]);
	return {
		document,
		actionId: id,
		state,
		history: { progress, verifications },
		loop: revisionLoop(actions, id).map(({ id, title, revisesId }) => ({ id, title, revisesId })),
		actionTitles: Object.fromEntries(actions.map((known) => [known.id, known.title])),
		partnerNames: Object.fromEntries(partners.rows.map((partner) => [partner.id, partner.name])),
		commitments: commitments.rows,
		files: Object.fromEntries(files.rows.map((file) => [file.id, file])),
		mayPost,
		mayVerify,
		today
	};
}
