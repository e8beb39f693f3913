import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/lib/server/db/seed.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import { listNotifications } from '../../src/lib/server/notifications/queries.ts';
import { listProposals } from '../../src/lib/server/pact/proposals.ts';
import { claimsFor } from './factories.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// The demo pact shows proposals of commitments: Anna, the Comune's
// commenter, has one waiting and one the facilitator declined with a reason.

const PACT = 'dd000000-0000-4000-8000-000000000001';

describe.each(backends)('proposals of commitments in the demo on $name', (backend) => {
	let db: Database;
	const [, marco, anna] = DEMO_ACCOUNTS;
	beforeAll(async () => {
		db = await backend.fresh();
		await seedDemo(db);
	});
	afterAll(() => db?.close());

	it('shows Anna her waiting proposal and the declined one with its reason', async () => {
		const proposals = await withUser(db, claimsFor(anna), (tx) => listProposals(tx, PACT));
		expect(proposals.map((p) => [p.status, p.partnerName, p.proposedByName])).toEqual([
			['pending', 'Comune di Frosinone – Servizi sociali', 'Anna Colombo'],
			['declined', 'Comune di Frosinone – Servizi sociali', 'Anna Colombo']
		]);
		expect(proposals.every((p) => p.commitment !== null && p.commitment.needIds.length === 1)).toBe(true);
		expect(proposals[1]).toMatchObject({ decidedByName: 'Giulia Rinaldi', declineReason: expect.stringContaining('Isola del Liri') });
		const { items } = await withUser(db, claimsFor(anna), (tx) => listNotifications(tx));
		expect(items.filter((item) => item.kind === 'commitment_declined')).toHaveLength(1);
	});

	it('told the editor of both proposals, and leaves the seed signed in as nobody', async () => {
		const { items } = await withUser(db, claimsFor(marco), (tx) => listNotifications(tx));
		expect(items.filter((item) => item.kind === 'commitment_proposed').map((item) => item.actorName)).toEqual(['Anna Colombo', 'Anna Colombo']);
		const { rows } = await db.query<{ uid: string | null }>('select auth.uid() as uid');
		expect(rows[0].uid).toBeNull();
	});
});
