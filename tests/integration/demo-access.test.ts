import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/lib/server/db/seed.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import { listNotifications } from '../../src/lib/server/notifications/queries.ts';
import { latestOwnRequest, pendingRequests } from '../../src/lib/server/networks/access-requests.ts';
import { claimsFor } from './factories.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// The demo network shows a request for another role waiting: the ASL's
// viewer asks to comment, and the facilitator finds it in her inbox.

const NETWORK = 'de000000-0000-4000-8000-000000000001';

describe.each(backends)('a request for another role in the demo on $name', (backend) => {
	let db: Database;
	const [giulia, , , paolo] = DEMO_ACCOUNTS;
	beforeAll(async () => {
		db = await backend.fresh();
		await seedDemo(db);
	});
	afterAll(() => db?.close());

	it("waits in the facilitator's inbox and on the members page, with the viewer's message", async () => {
		const { items } = await withUser(db, claimsFor(giulia), (tx) => listNotifications(tx));
		const asked = items.filter((item) => item.kind === 'access_requested');
		expect(asked).toHaveLength(1);
		expect(asked[0]).toMatchObject({ actorName: 'Paolo De Santis', read: false, access: { role: 'commenter', status: 'pending' } });
		expect(asked[0].excerpt).toContain('Dipartimento di Salute Mentale');
		expect(await withUser(db, claimsFor(giulia), (tx) => pendingRequests(tx, NETWORK))).toMatchObject([
			{ requesterName: 'Paolo De Santis', heldRole: 'viewer', role: 'commenter' }
		]);
	});

	it('is shown to the viewer as waiting, and leaves the seed signed in as nobody', async () => {
		expect(await withUser(db, claimsFor(paolo), (tx) => latestOwnRequest(tx, NETWORK, paolo.id))).toMatchObject({ status: 'pending' });
		const { rows } = await db.query<{ uid: string | null }>('select auth.uid() as uid');
		expect(rows[0].uid).toBeNull();
	});
});
