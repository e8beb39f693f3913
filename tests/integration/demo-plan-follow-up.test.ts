import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/lib/server/db/seed.ts';
import { demoActionId } from '../../src/lib/server/db/demo-plan.ts';
import { listActions } from '../../src/lib/server/plan/queries.ts';
import { listProgress, listVerifications } from '../../src/lib/server/plan/follow-up.ts';
import { actionStates, revisionLoop } from '../../src/lib/plan/rollup.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import { claimsFor } from './factories.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// The demo plan in motion, as a member reads it on 8 December 2026: progress
// on seven actions, the wood laboratory at risk, the van late, and the
// laboratory's verification linked to the action that revises it.

const CO_DESIGN = 'dd000000-0000-4000-8000-000000000003';

describe.each(backends)('the demo plan’s follow-up on $name', (backend) => {
	let db: Database;
	beforeAll(async () => {
		db = await backend.fresh();
		await seedDemo(db);
	});
	afterAll(() => db?.close());

	it('shows seven actions with progress, one at risk, one late, and a verification that opened a revised action', async () => {
		const { actions, progress, verifications } = await withUser(db, claimsFor(DEMO_ACCOUNTS[2]), async (tx) => ({
			actions: await listActions(tx, CO_DESIGN),
			progress: await listProgress(tx, CO_DESIGN),
			verifications: await listVerifications(tx, CO_DESIGN)
		}));
		expect(new Set(progress.map((update) => update.actionId))).toEqual(new Set([1, 2, 4, 5, 6, 9, 11].map(demoActionId)));
		const states = new Map(actionStates(actions, progress, verifications, '2026-12-08').map((state) => [state.action.id, state]));
		expect(states.get(demoActionId(4))).toMatchObject({ status: 'at_risk', percent: 40, verificationDue: false });
		expect(states.get(demoActionId(6))).toMatchObject({ status: 'on_track', late: true });
		expect(verifications).toEqual([expect.objectContaining({ actionId: demoActionId(4), verdict: 'partly', nextActionId: demoActionId(13), recordedByName: 'Giulia Rinaldi' })]);
		expect(revisionLoop(actions, demoActionId(4)).map((action) => action.id)).toEqual([demoActionId(4), demoActionId(13)]);
	});
});
