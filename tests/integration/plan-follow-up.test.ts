import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from './databases.ts';
import { addMember, createDocument, createNetworkCast, createPartner, createUser, type NetworkCast, type TestUser } from './factories.ts';
import { startCollab, type RunningCollab } from './collab/harness.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { blankAction, blankObjective, type Action } from '../../src/lib/plan/plan.ts';
import { PLAN_ACTIONS, PLAN_OBJECTIVES } from '../../src/lib/plan/plan-doc.ts';
import { putItems, readItems, removeItems } from '../../src/lib/structured/items-doc.ts';
import { loadActionPage } from '../../src/lib/server/plan/action-page.ts';
import { listActions } from '../../src/lib/server/plan/queries.ts';
import { listProgress, listVerifications } from '../../src/lib/server/plan/follow-up.ts';
import { followUpRefusal, mayPostProgress, postProgress, recordVerification } from '../../src/lib/server/plan/follow-up-writes.ts';
import type { ProgressInput } from '../../src/lib/plan/follow-up-form.ts';

// A plan's follow-up as the action page writes it: progress as the person,
// refused by the database for whoever does not speak for the action's
// partners as an editor or facilitator; the rows append-only; and a
// verification that opens a revised action in the plan's Yjs state through
// a real collab server, the row naming it.

describe.each(backends)('the follow-up of a plan on $name', (backend) => {
	let db: Database;
	let collab: RunningCollab;
	let cast: NetworkCast;
	let lead: { id: string };
	let leadEditor: TestUser;
	let plan: { id: string };
	let action: Action;
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);
	const place = () => ({ networkId: cast.network.id, documentId: plan.id, actionId: action.id });
	const update = (overrides: Partial<ProgressInput> = {}): ProgressInput => ({
		status: 'on_track',
		percent: 30,
		indicatorValues: { [action.indicators[0].id]: 4 },
		note: 'Avviati i primi quattro tirocini.',
		...overrides
	});
	const outcome = (call: Promise<unknown>) =>
		call.then(
			() => 'done',
			(error) => followUpRefusal(error) ?? (error as Error).message
		);
	const planActions = async () => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, await collab.collab.encodeState(plan.id));
		return readItems(doc, PLAN_ACTIONS).items;
	};

	beforeAll(async () => {
		db = await backend.fresh();
		collab = await startCollab(db);
		cast = await createNetworkCast(db);
		lead = await createPartner(db, cast.network, { name: 'Cooperativa Il Ponte' });
		leadEditor = await createUser(db, { displayName: 'Marco del Ponte' });
		await addMember(db, cast.network, leadEditor, 'editor', lead);
		// The cast's commenter speaks for the lead too: a commenter still may not post.
		await db.query('update public.memberships set partner_id = $3 where network_id = $1 and user_id = $2', [cast.network.id, cast.commenter.id, lead.id]);
		plan = await createDocument(db, cast.network, cast.facilitator, { kind: 'co_design', title: 'Co-progettazione tirocini' });
		const objective = blankObjective(randomUUID(), { title: 'Più persone al lavoro' });
		action = blankAction(randomUUID(), objective.id, {
			title: 'Tutoraggio dei tirocini',
			leadPartnerId: lead.id,
			system: 'employment',
			from: '2026-09-01',
			to: '2027-06-30',
			indicators: [{ id: randomUUID(), name: 'Tirocini avviati', baseline: 0, target: 10, unit: 'tirocini' }],
			verificationOn: '2026-11-30'
		});
		await collab.collab.change(plan.id, cast.facilitator.id, (doc, origin) => {
			putItems(doc, PLAN_OBJECTIVES, [objective], origin);
			putItems(doc, PLAN_ACTIONS, [action], origin);
		});
		await collab.collab.project(plan.id);
	});
	afterAll(async () => {
		await collab?.close();
		await db?.close();
	});

	it('lets an editor who speaks for the lead partner post progress, and tells the facilitators', async () => {
		expect(await as(leadEditor, (tx) => mayPostProgress(tx, plan.id, action.id))).toBe(true);
		await as(leadEditor, (tx) => postProgress(tx, place(), update(), []));
		const [posted] = await as(cast.viewer, (tx) => listProgress(tx, plan.id, action.id));
		expect(posted).toMatchObject({ status: 'on_track', percent: 30, postedByName: 'Marco del Ponte', note: 'Avviati i primi quattro tirocini.' });
		expect(posted.indicatorValues).toEqual({ [action.indicators[0].id]: 4 });
		const told = await db.query<{ recipient_id: string; excerpt: string }>(
			`select recipient_id, excerpt from public.notifications where kind = 'plan_progress' and document_id = $1`,
			[plan.id]
		);
		expect(told.rows).toEqual([{ recipient_id: cast.facilitator.id, excerpt: 'Tutoraggio dei tirocini' }]);
		const record = await db.query<{ action: string; details: Record<string, unknown> }>(
			`select action::text, details from public.activity where subject_id = $1 and action = 'plan_progress_posted'`,
			[plan.id]
		);
		expect(record.rows[0].details).toMatchObject({ action: action.id, title: 'Tutoraggio dei tirocini', status: 'on_track', percent: 30 });
	});

	it('refuses, by the database, an editor who does not speak for its partners and a commenter who does', async () => {
		expect(await as(cast.editor, (tx) => mayPostProgress(tx, plan.id, action.id))).toBe(false);
		expect(await outcome(as(cast.editor, (tx) => postProgress(tx, place(), update(), [])))).toBe('refused');
		expect(await as(cast.commenter, (tx) => mayPostProgress(tx, plan.id, action.id))).toBe(false);
		expect(await outcome(as(cast.commenter, (tx) => postProgress(tx, place(), update(), [])))).toBe('refused');
	});

	it('refuses a percentage over 100 by its check constraint', async () => {
		expect(await outcome(as(leadEditor, (tx) => postProgress(tx, place(), update({ percent: 101 }), [])))).toBe('percent');
		expect(await outcome(as(leadEditor, (tx) => postProgress(tx, place(), update({ percent: -1 }), [])))).toBe('percent');
	});

	it('keeps every update and verification as written: no update or delete, not even by the service', async () => {
		const [posted] = await as(leadEditor, (tx) => listProgress(tx, plan.id, action.id));
		await expect(db.query('update public.plan_progress set percent = 90 where id = $1', [posted.id])).rejects.toThrow('plan_record_immutable');
		await expect(db.query('delete from public.plan_progress where id = $1', [posted.id])).rejects.toThrow('plan_record_immutable');
		// As the person, no policy and no grant lets a row change or go.
		const deleted = await as(leadEditor, (tx) => tx.query('delete from public.plan_progress where id = $1 returning id', [posted.id])).then(
			(result) => result.rows.length,
			() => 0
		);
		expect(deleted).toBe(0);
		expect(await as(leadEditor, (tx) => listProgress(tx, plan.id, action.id))).toHaveLength(1);
	});

	it('records a facilitator’s verification that opens a revised action in the plan, linked both ways, and tells the lead', async () => {
		const verification = { id: randomUUID(), verdict: 'partly' as const, reason: 'Quattro tirocini su dieci.', nextStep: 'Più aziende.' };
		const revised = { id: randomUUID(), title: 'Tutoraggio dei tirocini (rivista)' };
		const verify = () =>
			recordVerification((fn) => as(cast.facilitator, fn), collab.collab, cast.facilitator.id, place(), { ...verification, revised });
		await verify();
		// Sent twice (a double click, a retry): one verification, one revised action.
		await verify();
		const inPlan = (await planActions()).filter((candidate) => candidate.id === revised.id);
		expect(inPlan).toEqual([{ ...action, id: revised.id, title: revised.title, revisesId: action.id }]);
		const projected = await as(cast.viewer, (tx) => listActions(tx, plan.id));
		expect(projected.find((candidate) => candidate.id === revised.id)?.revisesId).toBe(action.id);
		const rows = await as(cast.viewer, (tx) => listVerifications(tx, plan.id, action.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ id: verification.id, verdict: 'partly', nextActionId: revised.id, recordedByName: 'Giulia Rinaldi' });
		await expect(db.query(`update public.plan_verifications set verdict = 'achieved' where id = $1`, [verification.id])).rejects.toThrow(
			'plan_record_immutable'
		);
		const told = await db.query<{ recipient_id: string }>(`select recipient_id from public.notifications where kind = 'plan_verified' and document_id = $1`, [plan.id]);
		// The lead's people: its editor and its commenter.
		expect(new Set(told.rows.map((row) => row.recipient_id))).toEqual(new Set([leadEditor.id, cast.commenter.id]));
	});

	it('refuses a verification by an editor, and leaves no revised action behind', async () => {
		const revised = { id: randomUUID(), title: 'Non deve restare' };
		const attempt = recordVerification((fn) => as(leadEditor, fn), collab.collab, leadEditor.id, place(), {
			id: randomUUID(),
			verdict: 'achieved',
			reason: 'Tutto bene.',
			nextStep: '',
			revised
		});
		expect(await outcome(attempt)).toBe('refused');
		expect((await planActions()).some((candidate) => candidate.id === revised.id)).toBe(false);
	});

	it('takes the revised action out again when the database refuses the verification after it was written', async () => {
		const revised = { id: randomUUID(), title: 'Tolta di nuovo' };
		// A verdict the enum does not hold: refused by the database after the action went in.
		const attempt = recordVerification((fn) => as(cast.facilitator, fn), collab.collab, cast.facilitator.id, place(), {
			id: randomUUID(),
			verdict: 'forse' as never,
			reason: 'Prova.',
			nextStep: '',
			revised
		});
		expect(await outcome(attempt)).not.toBe('done');
		expect((await planActions()).some((candidate) => candidate.id === revised.id)).toBe(false);
	});

	it('keeps the page of an action taken out of the plan, with its history, and has none for an action that never was', async () => {
		const before = await as(cast.commenter, (tx) => loadActionPage(tx, cast.network.id, plan.id, action.id));
		expect(before).toMatchObject({ mayPost: false, mayVerify: false });
		expect(before.state?.status).toBe('on_track');
		expect(before.loop.map((step) => step.title)).toEqual(['Tutoraggio dei tirocini', 'Tutoraggio dei tirocini (rivista)']);
		await collab.collab.change(plan.id, cast.facilitator.id, (doc, origin) => removeItems(doc, PLAN_ACTIONS, [action.id], origin));
		await collab.collab.project(plan.id);
		const after = await as(cast.commenter, (tx) => loadActionPage(tx, cast.network.id, plan.id, action.id));
		expect(after.state).toBeNull();
		expect(after.history.progress).toHaveLength(1);
		expect(after.history.verifications).toHaveLength(1);
		await expect(as(cast.commenter, (tx) => loadActionPage(tx, cast.network.id, plan.id, randomUUID()))).rejects.toMatchObject({ status: 404 });
	});
});
