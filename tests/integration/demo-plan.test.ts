import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from './databases.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/lib/server/db/seed.ts';
import { DEMO_PLAN_ACTIONS, DEMO_PLAN_OBJECTIVES } from '../../src/lib/server/db/demo-plan.ts';
import { PLAN_ACTIONS, PLAN_OBJECTIVES } from '../../src/lib/plan/plan-doc.ts';
import { readItems } from '../../src/lib/structured/items-doc.ts';
import { readPlan } from '../../src/lib/server/plan/queries.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import { SYSTEMS } from '../../src/lib/domain.ts';
import { claimsFor } from './factories.ts';
import type { Action, Objective } from '../../src/lib/plan/plan.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// The demo co-design plan: objectives and a dozen actions in the document's
// Yjs state, all well-formed, across the four systems, led by the demo
// network's partners and already projected for the plan's pages.

const NETWORK = 'de000000-0000-4000-8000-000000000001';
const CO_DESIGN = 'dd000000-0000-4000-8000-000000000003';

describe.each(backends)('the demo plan on $name', (backend) => {
	let db: Database;
	let stored: Y.Doc;
	let partners: Set<string>;
	/** As a member reads it, under row-level security. */
	let projected: { objectives: Objective[]; actions: Action[] };
	beforeAll(async () => {
		db = await backend.fresh();
		await seedDemo(db);
		const { rows } = await db.query<{ state: Uint8Array }>('select state from public.document_snapshots where document_id = $1', [CO_DESIGN]);
		stored = new Y.Doc();
		Y.applyUpdate(stored, rows[0].state);
		const found = await db.query<{ id: string }>('select id from public.partners where network_id = $1', [NETWORK]);
		partners = new Set(found.rows.map((row) => row.id));
		projected = await withUser(db, claimsFor(DEMO_ACCOUNTS[0]), (tx) => readPlan(tx, CO_DESIGN));
	});
	afterAll(async () => {
		stored?.destroy();
		await db?.close();
	});

	it('holds every demo objective and action in its Yjs state, well-formed', () => {
		const objectives = readItems(stored, PLAN_OBJECTIVES);
		const actions = readItems(stored, PLAN_ACTIONS);
		expect(objectives.malformed + actions.malformed).toBe(0);
		expect(objectives.items).toEqual([...DEMO_PLAN_OBJECTIVES].sort(PLAN_OBJECTIVES.compare));
		expect(actions.items).toEqual([...DEMO_PLAN_ACTIONS].sort(PLAN_ACTIONS.compare));
	});

	it('is projected: the tables hold exactly the plan of the document', () => {
		expect(projected.objectives).toEqual(readItems(stored, PLAN_OBJECTIVES).items);
		expect(projected.actions).toEqual(readItems(stored, PLAN_ACTIONS).items);
	});

	it('spans the four systems, each action led by a partner of the network under one of its objectives', () => {
		expect(projected.actions.length).toBeGreaterThanOrEqual(12);
		expect(new Set(projected.actions.map((action) => action.system))).toEqual(new Set(SYSTEMS));
		const objectives = new Set(projected.objectives.map((objective) => objective.id));
		for (const action of projected.actions) {
			expect(partners.has(action.leadPartnerId), action.title).toBe(true);
			expect(objectives.has(action.objectiveId), action.title).toBe(true);
		}
	});
});
