import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { addMember, createDocument, createNetwork, createPartner, createUser, unique, type TestUser } from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { readFirstSteps } from '../../src/lib/server/onboarding/first-steps.ts';
import { myPartnerName } from '../../src/lib/server/onboarding/welcome.ts';
import {
	acceptInvitation,
	createInvitation,
	listPendingInvitations,
	previewInvitation,
	renewInvitation,
	revokeInvitation
} from '../../src/lib/server/networks/invitations.ts';
import { listNotifications, openNotification, saveMutedKinds } from '../../src/lib/server/notifications/queries.ts';
import { targetPath } from '../../src/lib/server/notifications/target.ts';

// A new network's first steps, the facilitator told of an accepted
// invitation, and a pending invitation's link copied again: each as the
// person the pages run as, so the policies and functions decide.

describe.each(backends)('first steps and invitations on $name', (backend) => {
	let db: Database;
	let giulia: TestUser;
	let marco: TestUser;
	const as = <T>(user: TestUser | null, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user?.claims ?? null, fn);
	const stepsOf = (user: TestUser, networkId: string) =>
		as(user, async (tx) => Object.fromEntries((await readFirstSteps(tx, networkId)).map((s) => [s.step, s.done])));
	const invitee = () => createUser(db, { email: `${unique('invitata')}@trama.test`, displayName: 'Anna Colombo' });
	const invite = (networkId: string, email: string, partnerId: string | null = null) =>
		as(giulia, (tx) => createInvitation(tx, networkId, { email, role: 'commenter', partnerId }));
	/** The link of the pending invitation to `email`, as the facilitator's members page reads it. */
	const pendingToken = async (networkId: string, email: string) =>
		(await as(giulia, (tx) => listPendingInvitations(tx, networkId))).find((i) => i.email === email)?.token;

	beforeAll(async () => {
		db = await backend.fresh();
		giulia = await createUser(db, { displayName: 'Giulia Rinaldi' });
		marco = await createUser(db, { displayName: 'Marco Ferri' });
	});
	afterAll(() => db?.close());

	it('ticks each first step off as the facilitator takes it, in order', async () => {
		const network = await createNetwork(db, giulia);
		expect(await as(giulia, (tx) => readFirstSteps(tx, network.id))).toEqual([
			{ step: 'partners', done: false },
			{ step: 'invitations', done: false },
			{ step: 'territorial_map', done: false },
			{ step: 'community_pact', done: false }
		]);
		await createPartner(db, network);
		expect(await stepsOf(giulia, network.id)).toMatchObject({ partners: true, invitations: false });
		await invite(network.id, `${unique('persona')}@trama.test`);
		expect(await stepsOf(giulia, network.id)).toMatchObject({ invitations: true, territorial_map: false });
		await createDocument(db, network, giulia, { kind: 'territorial_map' });
		await createDocument(db, network, giulia, { kind: 'community_pact' });
		expect(await stepsOf(giulia, network.id)).toEqual({
			partners: true,
			invitations: true,
			territorial_map: true,
			community_pact: true
		});
	});

	it('counts a member beyond the creator as people invited, and a withdrawn invitation as none', async () => {
		const network = await createNetwork(db, giulia);
		const email = `${unique('persona')}@trama.test`;
		await invite(network.id, email);
		const [pending] = await as(giulia, (tx) => listPendingInvitations(tx, network.id));
		await as(giulia, (tx) => revokeInvitation(tx, network.id, pending.id));
		expect((await stepsOf(giulia, network.id)).invitations).toBe(false);
		await addMember(db, network, marco, 'editor');
		expect((await stepsOf(giulia, network.id)).invitations).toBe(true);
	});

	it('shows no first steps to anyone but a facilitator', async () => {
		const network = await createNetwork(db, giulia);
		await addMember(db, network, marco, 'editor');
		expect(await as(marco, (tx) => readFirstSteps(tx, network.id))).toEqual([]);
		const outsider = await createUser(db);
		expect(await as(outsider, (tx) => readFirstSteps(tx, network.id))).toEqual([]);
		await expect(as(null, (tx) => readFirstSteps(tx, network.id))).rejects.toThrow();
	});

	it('tells the facilitator who invited someone that they accepted, leading to the members page', async () => {
		const network = await createNetwork(db, giulia, { name: 'Rete del benvenuto' });
		const partner = await createPartner(db, network, { name: 'Comune di Sora' });
		const anna = await invitee();
		const token = await invite(network.id, anna.email, partner.id);
		expect((await as(giulia, (tx) => listNotifications(tx))).items.filter((n) => n.networkId === network.id)).toEqual([]);

		expect(await as(anna, (tx) => acceptInvitation(tx, token))).toBe(network.id);
		// The welcome names the partner the newcomer speaks for.
		expect(await as(anna, (tx) => myPartnerName(tx, network.id))).toBe('Comune di Sora');

		const told = (await as(giulia, (tx) => listNotifications(tx))).items.filter((n) => n.networkId === network.id);
		expect(told).toMatchObject([
			{ kind: 'invitation_accepted', about: 'network', actorName: 'Anna Colombo', networkName: 'Rete del benvenuto', read: false }
		]);
		const target = await as(giulia, (tx) => openNotification(tx, told[0].id));
		expect(targetPath(target!)).toBe(`/networks/${network.id}/members`);
		// The newcomer is told nothing of their own arrival.
		expect((await as(anna, (tx) => listNotifications(tx))).items).toEqual([]);
	});

	it('does not tell a facilitator who turned accepted invitations off', async () => {
		const network = await createNetwork(db, giulia);
		const anna = await invitee();
		const token = await invite(network.id, anna.email);
		await as(giulia, (tx) => saveMutedKinds(tx, ['invitation_accepted']));
		try {
			await as(anna, (tx) => acceptInvitation(tx, token));
			const told = (await as(giulia, (tx) => listNotifications(tx))).items.filter((n) => n.networkId === network.id);
			expect(told).toEqual([]);
		} finally {
			await as(giulia, (tx) => saveMutedKinds(tx, []));
		}
	});

	it('gives the same working link each time a pending invitation is copied', async () => {
		const network = await createNetwork(db, giulia);
		const anna = await invitee();
		const token = await invite(network.id, anna.email);
		const first = await pendingToken(network.id, anna.email);
		const second = await pendingToken(network.id, anna.email);
		expect(first).toBe(token);
		expect(second).toBe(token);
		expect((await as(null, (tx) => previewInvitation(tx, token)))?.status).toBe('valid');
		expect(await as(anna, (tx) => acceptInvitation(tx, second!))).toBe(network.id);
		// Once used, the link is no longer kept.
		const { rows } = await db.query<{ token: string | null }>('select token from public.invitations where network_id = $1', [
			network.id
		]);
		expect(rows).toEqual([{ token: null }]);
	});

	it('makes a new link only when asked, and the old one stops working', async () => {
		const network = await createNetwork(db, giulia);
		const anna = await invitee();
		const old = await invite(network.id, anna.email);
		const [pending] = await as(giulia, (tx) => listPendingInvitations(tx, network.id));
		const renewed = await as(giulia, (tx) => renewInvitation(tx, network.id, pending.id));
		expect(renewed?.token).not.toBe(old);
		expect(await pendingToken(network.id, anna.email)).toBe(renewed?.token);
		expect(await as(null, (tx) => previewInvitation(tx, old))).toBeNull();
		await expect(as(anna, (tx) => acceptInvitation(tx, old))).rejects.toThrow(/invitation_invalid/);
		expect(await as(anna, (tx) => acceptInvitation(tx, renewed!.token))).toBe(network.id);
	});

	it('shows the links to the facilitators only', async () => {
		const network = await createNetwork(db, giulia);
		await addMember(db, network, marco, 'editor');
		await invite(network.id, `${unique('persona')}@trama.test`);
		expect(await as(marco, (tx) => listPendingInvitations(tx, network.id))).toEqual([]);
		const seen = await as(marco, (tx) => tx.query('select token from public.invitations where network_id = $1', [network.id]));
		expect(seen.rows).toEqual([]);
	});
});
