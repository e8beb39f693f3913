import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { createDocument, createNetworkCast, createPartner, type NetworkCast, type TestDocument, type TestPartner } from './factories.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { sendPlanReminders } from '../../src/lib/server/plan/reminders.ts';
import { readPlan } from '../../src/lib/server/plan/queries.ts';
import { listProgress, listVerifications } from '../../src/lib/server/plan/follow-up.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import { actionStates } from '../../src/lib/plan/rollup.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/lib/server/db/seed.ts';
import { demoActionId } from '../../src/lib/server/db/demo-plan.ts';

// Far enough ahead that the actions below are neither late nor due when the
// projection's trigger sees them: only the rounds at AT remind of them.
const AT = new Date('2030-02-10T09:00:00Z');

describe.each(backends)("a plan's reminders on $name", (backend) => {
	let db: Database;
	let cast: NetworkCast;
	let ponte: TestPartner;
	let arcobaleno: TestPartner;
	let plan: TestDocument;
	let objective: string;

	/** An action of the plan, projected as the collab server would write it. */
	async function action(fields: { lead?: TestPartner; endsOn?: string; verificationOn?: string }): Promise<string> {
		const id = randomUUID();
		await db.query(
			`insert into public.plan_actions (document_id, network_id, id, objective_id, title, lead_partner_id, system, ends_on, verification_on)
			 values ($1, $2, $3, $4, 'Il furgone attrezzato', $5, 'social', $6, $7)`,
			[plan.id, plan.networkId, id, objective, (fields.lead ?? ponte).id, fields.endsOn ?? '2031-12-31', fields.verificationOn ?? null]
		);
		return id;
	}

	const progress = (actionId: string, status: string, postedAt = '2030-01-20T10:00:00Z') =>
		db.query(`insert into public.plan_progress (network_id, document_id, action_id, status, posted_at) values ($1, $2, $3, $4, $5)`, [
			plan.networkId,
			plan.id,
			actionId,
			status,
			postedAt
		]);

	/** Who was told, of which kind, about an action: recipients' ids sorted. */
	async function told(actionId: string, kind: string): Promise<string[]> {
		const { rows } = await db.query<{ recipient_id: string }>(
			`select recipient_id from public.notifications where plan_action_id = $1 and kind = $2 and document_id = $3 order by recipient_id`,
			[actionId, kind, plan.id]
		);
		return rows.map((row) => row.recipient_id);
	}

	const sorted = (...ids: string[]) => [...ids].sort();

	beforeAll(async () => {
		db = await backend.fresh();
		cast = await createNetworkCast(db);
		ponte = await createPartner(db, cast.network, { name: 'Cooperativa Il Ponte' });
		arcobaleno = await createPartner(db, cast.network, { name: 'Cooperativa Arcobaleno' });
		// The editor speaks for Il Ponte, the commenter for Arcobaleno; the viewer for nobody.
		await db.query('update public.memberships set partner_id = $3 where network_id = $1 and user_id = $2', [cast.network.id, cast.editor.id, ponte.id]);
		await db.query('update public.memberships set partner_id = $3 where network_id = $1 and user_id = $2', [cast.network.id, cast.commenter.id, arcobaleno.id]);
		plan = await createDocument(db, cast.network, cast.facilitator, { kind: 'co_design', title: 'Co-progettazione' });
		objective = randomUUID();
		await db.query(`insert into public.plan_objectives (document_id, network_id, id, level, title) values ($1, $2, $3, 'general', 'Lavoro')`, [
			plan.id,
			plan.networkId,
			objective
		]);
	});

	afterAll(async () => {
		await db?.close();
	});

	it("tells a late action's lead partner's people and the facilitators, once", async () => {
		const late = await action({ lead: ponte, endsOn: '2030-01-31' });
		await progress(late, 'on_track');
		expect(await told(late, 'action_late')).toEqual([]);
		expect(await sendPlanReminders(db, AT)).toBeGreaterThanOrEqual(1);
		expect(await told(late, 'action_late')).toEqual(sorted(cast.facilitator.id, cast.editor.id));

		await sendPlanReminders(db, AT);
		await sendPlanReminders(db, new Date('2030-03-01T09:00:00Z'));
		expect(await told(late, 'action_late')).toEqual(sorted(cast.facilitator.id, cast.editor.id));
	});

	it('tells nobody of an action done or dropped, nor of one still within its dates', async () => {
		const done = await action({ endsOn: '2030-01-31' });
		await progress(done, 'on_track', '2030-01-10T10:00:00Z');
		await progress(done, 'done', '2030-01-30T10:00:00Z');
		const dropped = await action({ endsOn: '2030-01-31', verificationOn: '2030-01-31' });
		await progress(dropped, 'dropped');
		const running = await action({ endsOn: '2030-02-10', verificationOn: '2030-02-10' });
		await sendPlanReminders(db, AT);
		for (const id of [done, dropped, running]) {
			expect(await told(id, 'action_late')).toEqual([]);
			expect(await told(id, 'verification_due')).toEqual([]);
		}
	});

	it('calls an action late again when its latest update reopens it', async () => {
		const reopened = await action({ lead: arcobaleno, endsOn: '2030-01-31' });
		await progress(reopened, 'done', '2030-01-10T10:00:00Z');
		await progress(reopened, 'at_risk', '2030-01-20T10:00:00Z');
		await sendPlanReminders(db, AT);
		expect(await told(reopened, 'action_late')).toEqual(sorted(cast.facilitator.id, cast.commenter.id));
	});

	it('tells of a verification whose date has passed unrecorded, once, and not of one recorded', async () => {
		const due = await action({ lead: ponte, verificationOn: '2030-01-31' });
		const verified = await action({ lead: ponte, verificationOn: '2030-01-31' });
		await db.query(
			`insert into public.plan_verifications (network_id, document_id, action_id, verdict, reason, recorded_at) values ($1, $2, $3, 'partly', 'Metà', '2030-02-01T10:00:00Z')`,
			[plan.networkId, plan.id, verified]
		);
		await sendPlanReminders(db, AT);
		await sendPlanReminders(db, AT);
		expect(await told(due, 'verification_due')).toEqual(sorted(cast.facilitator.id, cast.editor.id));
		expect(await told(due, 'action_late')).toEqual([]);
		expect(await told(verified, 'verification_due')).toEqual([]);
	});

	it('reminds again when a passed date is moved and passes again', async () => {
		const moved = await action({ endsOn: '2030-01-31' });
		await sendPlanReminders(db, AT);
		await db.query(`update public.plan_actions set ends_on = '2030-02-20' where document_id = $1 and id = $2`, [plan.id, moved]);
		await sendPlanReminders(db, AT);
		expect(await told(moved, 'action_late')).toHaveLength(2);
		await sendPlanReminders(db, new Date('2030-03-01T09:00:00Z'));
		expect(await told(moved, 'action_late')).toHaveLength(4);
	});

	it('reminds at once of an action projected with its end already past, and leads the inbox to it', async () => {
		const past = await action({ endsOn: '2001-01-31' });
		expect(await told(past, 'action_late')).toEqual(sorted(cast.facilitator.id, cast.editor.id));
		const { rows } = await db.query<{ excerpt: string }>(`select excerpt from public.notifications where plan_action_id = $1`, [past]);
		expect(rows.map((row) => row.excerpt)).toEqual(['Il furgone attrezzato', 'Il furgone attrezzato']);
	});

	it("agrees with the pages' rules (rollup.ts) on which actions are late and which verifications due", async () => {
		// Every action of the plan, as the latest round would see them all.
		await sendPlanReminders(db, new Date('2030-03-01T09:00:00Z'));
		const { actions, updates, verifications } = await withUser(db, cast.viewer.claims, async (tx) => ({
			...(await readPlan(tx, plan.id)),
			updates: await listProgress(tx, plan.id),
			verifications: await listVerifications(tx, plan.id)
		}));
		const states = actionStates(actions, updates, verifications, '2030-03-01');
		const remindedOf = async (kind: string) => {
			const { rows } = await db.query<{ id: string }>(
				`select distinct r.action_id as id from public.plan_reminders r
				 join public.plan_actions a on a.document_id = r.document_id and a.id = r.action_id
				 where r.document_id = $1 and r.kind = $2 and r.due_on = case when $2 = 'action_late' then a.ends_on else a.verification_on end`,
				[plan.id, kind]
			);
			return rows.map((row) => row.id).sort();
		};
		expect(states.length).toBeGreaterThan(5);
		expect(await remindedOf('action_late')).toEqual(states.filter((state) => state.late).map((state) => state.action.id).sort());
		expect(await remindedOf('verification_due')).toEqual(states.filter((state) => state.verificationDue).map((state) => state.action.id).sort());
	});

	it("reminds nobody of an archived document's plan", async () => {
		const archived = await createDocument(db, cast.network, cast.facilitator, { kind: 'co_design', status: 'archived' });
		const id = randomUUID();
		await db.query(
			`insert into public.plan_objectives (document_id, network_id, id, level, title) values ($1, $2, $3, 'general', 'Lavoro')`,
			[archived.id, archived.networkId, id]
		);
		const old = randomUUID();
		await db.query(
			`insert into public.plan_actions (document_id, network_id, id, objective_id, title, lead_partner_id, system, ends_on)
			 values ($1, $2, $3, $4, 'Vecchia', $5, 'social', '2001-01-31')`,
			[archived.id, archived.networkId, old, id, ponte.id]
		);
		await sendPlanReminders(db, AT);
		const { rows } = await db.query(`select 1 from public.notifications where plan_action_id = $1`, [old]);
		expect(rows).toEqual([]);
	});
});

describe.each(backends)("the demo plan's reminders on $name", (backend) => {
	let db: Database;
	beforeAll(async () => {
		db = await backend.fresh();
		await seedDemo(db);
	});
	afterAll(async () => {
		await db?.close();
	});

	it('has told Marco and Giulia of the workshop’s verification due, and Giulia of the late van, as the plan was seeded', async () => {
		const told = async (action: string, kind: string) =>
			(
				await db.query<{ recipient_id: string }>(`select recipient_id from public.notifications where plan_action_id = $1 and kind = $2`, [
					action,
					kind
				])
			).rows.map((row) => row.recipient_id);
		const [giulia, marco] = DEMO_ACCOUNTS;
		expect(await told(demoActionId(4), 'verification_due')).toEqual(expect.arrayContaining([giulia.id, marco.id]));
		expect(await told(demoActionId(6), 'action_late')).toContain(giulia.id);
		expect(await told(demoActionId(6), 'action_late')).not.toContain(marco.id);
	});
});
