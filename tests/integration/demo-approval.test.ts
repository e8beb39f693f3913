import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/lib/server/db/seed.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import { approvalState } from '../../src/lib/server/documents/approval.ts';
import { documentAccess } from '../../src/lib/server/documents/queries.ts';
import { claimsFor } from './factories.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// The demo network shows approval and review in use: approved minutes with
// their kept version, read-only, and a pact in review with a deadline.

const PACT = 'dd000000-0000-4000-8000-000000000001';
const MINUTES = 'dd000000-0000-4000-8000-000000000004';

describe.each(backends)('approval and review in the demo on $name', (backend) => {
	let db: Database;
	const marco = claimsFor(DEMO_ACCOUNTS[1]);
	beforeAll(async () => {
		db = await backend.fresh();
		await seedDemo(db);
	});
	afterAll(() => db?.close());

	it('has approved minutes with the version their approval kept, read-only for an editor', async () => {
		const state = await withUser(db, marco, (tx) => approvalState(tx, MINUTES));
		expect(state.approval).toMatchObject({ approvedByName: 'Giulia Rinaldi', versionName: 'Approvato il 14 novembre 2026' });
		expect(await withUser(db, marco, (tx) => documentAccess(tx, MINUTES))).toMatchObject({ role: 'editor', mayWrite: false });
	});

	it('has the pact in review with a deadline ten days on', async () => {
		const { reviewDue } = await withUser(db, marco, (tx) => approvalState(tx, PACT));
		const { rows } = await db.query<{ due: string }>(
			`select to_char((now() at time zone 'Europe/Rome')::date + 10, 'YYYY-MM-DD') as due`
		);
		expect(reviewDue).toBe(rows[0].due);
	});
});
