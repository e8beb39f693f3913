import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { addMember, createNetworkCast, createUser, type NetworkCast, type TestUser } from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import { refusalKey } from '../../src/lib/server/db/errors.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import {
	decideAccessRequest,
	latestOwnRequest,
	pendingRequests,
	requestAccess
} from '../../src/lib/server/networks/access-requests.ts';
import { listNotifications } from '../../src/lib/server/notifications/queries.ts';
import { recheckScope } from '../../src/lib/server/collab/access-events.ts';
import { NOTIFICATION_KINDS } from '../../src/lib/notifications.ts';

// Asking for more access, as the pages run it: as the person, so that
// request_access(), decide_access_request() and the policies decide who may
// ask, who may answer and who sees what.

describe.each(backends)('requests for more access on $name', (backend) => {
	let db: Database;
	const as = <T>(user: TestUser | null, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user?.claims ?? null, fn);
	/** The message key a refused call gives, as a form would show it. */
	const refusal = (call: Promise<unknown>) =>
		call.then(
			() => 'done',
			(error) => refusalKey(error) ?? String(error)
		);
	const roleOf = async (cast: NetworkCast, user: TestUser) =>
		(
			await db.query<{ role: string }>('select role::text from public.memberships where network_id = $1 and user_id = $2', [
				cast.network.id,
				user.id
			])
		).rows[0]?.role;

	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	it('knows the notification kinds the database writes, in its order', async () => {
		const { rows } = await db.query<{ kinds: string[] }>('select enum_range(null::public.notification_kind)::text[] as kinds');
		expect([...NOTIFICATION_KINDS]).toEqual(rows[0].kinds);
	});

	describe('who may ask', () => {
		let cast: NetworkCast;
		beforeAll(async () => {
			cast = await createNetworkCast(db);
		});

		it('lets a viewer, a commenter and an editor ask for a role above their own', async () => {
			const { network, viewer, commenter, editor } = cast;
			await as(viewer, (tx) => requestAccess(tx, network.id, { role: 'commenter', message: '' }));
			await as(commenter, (tx) => requestAccess(tx, network.id, { role: 'editor', message: 'Per il patto.' }));
			await as(editor, (tx) => requestAccess(tx, network.id, { role: 'facilitator', message: '' }));
			const own = await as(commenter, (tx) => latestOwnRequest(tx, network.id, commenter.id));
			expect(own).toMatchObject({ role: 'editor', heldRole: 'commenter', status: 'pending', message: 'Per il patto.' });
		});

		it('refuses a second request while one waits', async () => {
			const { network, viewer } = cast;
			expect(await refusal(as(viewer, (tx) => requestAccess(tx, network.id, { role: 'editor', message: '' })))).toBe(
				'errors.access_request_pending'
			);
		});

		it('refuses a role one holds already, or a lower one, and says so', async () => {
			const { network, facilitator } = cast;
			const fresh = await createUser(db, { displayName: 'Rita Redattrice' });
			await addMember(db, network, fresh, 'editor');
			for (const role of ['editor', 'commenter', 'viewer'] as const) {
				expect(await refusal(as(fresh, (tx) => requestAccess(tx, network.id, { role, message: '' })))).toBe(
					'errors.access_role_held'
				);
			}
			expect(await refusal(as(facilitator, (tx) => requestAccess(tx, network.id, { role: 'facilitator', message: '' })))).toBe(
				'errors.access_role_held'
			);
		});

		it('refuses a message longer than 500 characters', async () => {
			const fresh = await createUser(db, { displayName: 'Lia Lunga' });
			await addMember(db, cast.network, fresh, 'viewer');
			expect(
				await refusal(as(fresh, (tx) => requestAccess(tx, cast.network.id, { role: 'editor', message: 'a'.repeat(501) })))
			).toBe('errors.access_message_length');
		});

		it("refuses someone outside the network, and an anonymous visitor", async () => {
			const { network, outsider } = cast;
			expect(await refusal(as(outsider, (tx) => requestAccess(tx, network.id, { role: 'viewer', message: '' })))).toBe(
				'errors.not_allowed'
			);
			expect(await refusal(as(null, (tx) => requestAccess(tx, network.id, { role: 'viewer', message: '' })))).toBe(
				'errors.not_allowed'
			);
		});

		it('writes nothing when asked with a plain insert', async () => {
			const { network, viewer } = cast;
			const attempt = as(viewer, (tx) =>
				tx.query(`insert into public.access_requests (network_id, requester_id, role) values ($1, $2, 'facilitator')`, [
					network.id,
					viewer.id
				])
			);
			expect(await refusal(attempt)).toBe('errors.not_allowed');
		});
	});

	describe('who is told and who sees', () => {
		let cast: NetworkCast;
		let coFacilitator: TestUser;
		let requestId: string;
		beforeAll(async () => {
			cast = await createNetworkCast(db);
			coFacilitator = await createUser(db, { displayName: 'Chiara Cofacilitatrice' });
			await addMember(db, cast.network, coFacilitator, 'facilitator');
			requestId = await as(cast.viewer, (tx) =>
				requestAccess(tx, cast.network.id, { role: 'commenter', message: 'Vorrei commentare il patto.' })
			);
		});

		it('tells every facilitator of the network, with the message, and no one else', async () => {
			for (const facilitator of [cast.facilitator, coFacilitator]) {
				const { items } = await as(facilitator, (tx) => listNotifications(tx));
				expect(items).toHaveLength(1);
				expect(items[0]).toMatchObject({
					kind: 'access_requested',
					actorName: 'Paolo De Santis',
					excerpt: 'Vorrei commentare il patto.',
					access: { requestId, role: 'commenter', status: 'pending', decidedByName: null }
				});
			}
			for (const other of [cast.editor, cast.commenter, cast.viewer, cast.outsider]) {
				expect((await as(other, (tx) => listNotifications(tx))).items).toEqual([]);
			}
		});

		it("shows the request to the network's facilitators and its requester only", async () => {
			const seen = (user: TestUser) =>
				as(user, async (tx) => (await tx.query<{ id: string }>('select id from public.access_requests')).rows.map((r) => r.id));
			expect(await seen(cast.facilitator)).toEqual([requestId]);
			expect(await seen(coFacilitator)).toEqual([requestId]);
			expect(await seen(cast.viewer)).toEqual([requestId]);
			for (const other of [cast.editor, cast.commenter, cast.outsider]) expect(await seen(other)).toEqual([]);
			expect(await as(cast.facilitator, (tx) => pendingRequests(tx, cast.network.id))).toMatchObject([
				{ id: requestId, requesterName: 'Paolo De Santis', heldRole: 'viewer', role: 'commenter' }
			]);
			expect(await as(cast.editor, (tx) => pendingRequests(tx, cast.network.id))).toEqual([]);
		});
	});

	describe('who may decide, and what a decision does', () => {
		let cast: NetworkCast;
		beforeAll(async () => {
			cast = await createNetworkCast(db);
		});

		it('refuses anyone but a facilitator of the network, as though there were no request', async () => {
			const { network, viewer, editor, commenter, outsider } = cast;
			const id = await as(commenter, (tx) => requestAccess(tx, network.id, { role: 'editor', message: '' }));
			for (const person of [viewer, editor, commenter, outsider]) {
				expect(await refusal(as(person, (tx) => decideAccessRequest(tx, id, true)))).toBe('errors.not_allowed');
			}
			expect(await refusal(as(null, (tx) => decideAccessRequest(tx, id, true)))).toBe('errors.not_allowed');
			expect(await roleOf(cast, commenter)).toBe('commenter');
			expect(await as(commenter, (tx) => latestOwnRequest(tx, network.id, commenter.id))).toMatchObject({ status: 'pending' });
		});

		it('grants: raises the role through the members page’s own update, records it, tells the requester', async () => {
			const { network, facilitator, commenter } = cast;
			const [request] = await as(facilitator, (tx) => pendingRequests(tx, network.id));
			const announced: string[] = [];
			const decided = await as(facilitator, async (tx) => {
				const result = await decideAccessRequest(tx, request.id, true);
				// What the collab server would hear after commit: the role change it rechecks open sockets on.
				const { rows } = await tx.query<{ action: string; subject: string; details: unknown }>(
					`select action::text, subject_id as subject, details from public.activity
					 where network_id = $1 and action in ('member_role_changed', 'access_granted') order by id`,
					[network.id]
				);
				announced.push(...rows.map((r) => JSON.stringify({ network: network.id, action: r.action, subject: r.subject })));
				return { result, rows };
			});
			expect(decided.result).toMatchObject({ status: 'granted', role: 'editor', heldRole: 'editor', decidedByName: 'Giulia Rinaldi' });
			expect(await roleOf(cast, commenter)).toBe('editor');
			expect(decided.rows).toEqual([
				{ action: 'member_role_changed', subject: commenter.id, details: { from: 'commenter', to: 'editor' } },
				{ action: 'access_granted', subject: commenter.id, details: { role: 'editor', request: request.id } }
			]);
			expect(recheckScope(announced[0])).toEqual({ networkId: network.id, userId: commenter.id });

			const told = (await as(commenter, (tx) => listNotifications(tx))).items;
			expect(told).toHaveLength(1);
			expect(told[0]).toMatchObject({
				kind: 'access_decided',
				actorName: 'Giulia Rinaldi',
				access: { requestId: request.id, status: 'granted', role: 'editor', decidedByName: 'Giulia Rinaldi' }
			});
			// The facilitator's own notice of the request is read now, and says what was decided.
			const [notice] = (await as(facilitator, (tx) => listNotifications(tx))).items;
			expect(notice).toMatchObject({ kind: 'access_requested', read: true, access: { status: 'granted' } });
		});

		it('refuses a second decision on the same request', async () => {
			const { network, facilitator, commenter } = cast;
			const own = await as(commenter, (tx) => latestOwnRequest(tx, network.id, commenter.id));
			expect(await refusal(as(facilitator, (tx) => decideAccessRequest(tx, own!.id, false)))).toBe(
				'errors.access_request_decided'
			);
		});

		it('declines: leaves the role, records it, tells the requester, who may ask again', async () => {
			const { network, facilitator, viewer } = cast;
			const id = await as(viewer, (tx) => requestAccess(tx, network.id, { role: 'editor', message: '' }));
			const decided = await as(facilitator, (tx) => decideAccessRequest(tx, id, false));
			expect(decided).toMatchObject({ status: 'declined', heldRole: 'viewer' });
			expect(await roleOf(cast, viewer)).toBe('viewer');
			const { rows } = await db.query<{ action: string }>(
				`select action::text from public.activity where network_id = $1 and subject_id = $2 order by id desc limit 1`,
				[network.id, viewer.id]
			);
			expect(rows[0].action).toBe('access_declined');
			const [answer] = (await as(viewer, (tx) => listNotifications(tx))).items;
			expect(answer).toMatchObject({ kind: 'access_decided', access: { status: 'declined', role: 'editor' } });
			expect(await refusal(as(viewer, (tx) => requestAccess(tx, network.id, { role: 'commenter', message: '' })))).toBe('done');
		});

		it('leaving the network takes one’s requests and their notifications along', async () => {
			const { network, facilitator, viewer } = cast;
			await db.query('delete from public.memberships where network_id = $1 and user_id = $2', [network.id, viewer.id]);
			expect(await as(facilitator, (tx) => pendingRequests(tx, network.id))).toEqual([]);
			const { items } = await as(facilitator, (tx) => listNotifications(tx));
			expect(items.filter((item) => item.access?.status === 'pending')).toEqual([]);
		});
	});
});
