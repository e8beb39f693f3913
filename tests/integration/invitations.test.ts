import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import {
	createInvitation,
	createNetwork,
	createPartner,
	createUser,
	unique,
	type TestNetwork,
	type TestPartner,
	type TestUser
} from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// accept_invitation() and invitation_preview(): the token in the link is the
// capability. Each test invites its own person, so tests share one database
// and never each other's rows.

interface Preview {
	network_id: string;
	network_name: string;
	territory: string;
	email: string;
	role: string;
	partner_name: string | null;
	invited_by: string;
	status: string;
}

describe.each(backends)('invitations on $name', (backend) => {
	let db: Database;
	let lead: TestUser;
	let network: TestNetwork;
	let partner: TestPartner;

	beforeAll(async () => {
		db = await backend.fresh();
		lead = await createUser(db, { displayName: 'Giulia Rinaldi' });
		network = await createNetwork(db, lead, { name: 'Inserimento lavorativo 2027', territory: 'Ambito di Frosinone' });
		partner = await createPartner(db, network, { name: 'Cooperativa sociale Il Ponte' });
	});
	afterAll(() => db?.close());

	const invitee = () => createUser(db, { email: `${unique('invitata')}@trama.test` });
	const invite = (user: TestUser, options: { expiresInSeconds?: number; revoked?: boolean } = {}) =>
		createInvitation(db, { network, invitedBy: lead, email: user.email, role: 'commenter', partner, ...options });
	const accept = (user: TestUser | null, token: string) =>
		withUser(db, user?.claims ?? null, async (tx) => {
			const { rows } = await tx.query<{ network: string }>('select public.accept_invitation($1) as network', [token]);
			return rows[0].network;
		});
	const preview = (token: string) =>
		withUser(db, null, async (tx) => (await tx.query<Preview>('select * from public.invitation_preview($1)', [token])).rows);
	const membershipOf = async (user: TestUser) =>
		(
			await db.query<{ role: string; partner_id: string | null }>(
				'select role::text as role, partner_id from public.memberships where network_id = $1 and user_id = $2',
				[network.id, user.id]
			)
		).rows[0] ?? null;
	const invitationState = async (id: string) =>
		(
			await db.query<{ accepted_at: Date | null; accepted_by: string | null }>(
				'select accepted_at, accepted_by from public.invitations where id = $1',
				[id]
			)
		).rows[0];

	it('makes the invitee a member with the invited role and partner, and marks the link used', async () => {
		const person = await invitee();
		const invitation = await invite(person);
		expect(await accept(person, invitation.token)).toBe(network.id);
		expect(await membershipOf(person)).toEqual({ role: 'commenter', partner_id: partner.id });
		const state = await invitationState(invitation.id);
		expect(state.accepted_by).toBe(person.id);
		expect(state.accepted_at).not.toBeNull();
		// And the policies now let the new member see the network.
		const seen = await withUser(db, person.claims, (tx) =>
			tx.query<{ name: string }>('select name from public.networks where id = $1', [network.id])
		);
		expect(seen.rows).toEqual([{ name: 'Inserimento lavorativo 2027' }]);
	});

	it('matches the account whatever the case of its email address', async () => {
		const person = await createUser(db, { email: `${unique('Nina.Rossi')}@Trama.TEST` });
		const invitation = await invite(person);
		expect(await accept(person, invitation.token)).toBe(network.id);
		expect((await membershipOf(person))?.role).toBe('commenter');
	});

	it('refuses a link used once already, with invitation_used', async () => {
		const person = await invitee();
		const invitation = await invite(person);
		await accept(person, invitation.token);
		await expect(accept(person, invitation.token)).rejects.toThrow('invitation_used');
	});

	it('lets only one of two simultaneous acceptances through', async () => {
		const person = await invitee();
		const invitation = await invite(person);
		const results = await Promise.allSettled([accept(person, invitation.token), accept(person, invitation.token)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(refused.map((r) => (r.reason as Error).message)).toEqual(['invitation_used']);
	});

	it('refuses an expired link, with invitation_expired, and adds no one', async () => {
		const person = await invitee();
		const invitation = await invite(person, { expiresInSeconds: -60 });
		await expect(accept(person, invitation.token)).rejects.toThrow('invitation_expired');
		expect(await membershipOf(person)).toBeNull();
	});

	it('refuses a revoked link, with invitation_revoked, and adds no one', async () => {
		const person = await invitee();
		const invitation = await invite(person, { revoked: true });
		await expect(accept(person, invitation.token)).rejects.toThrow('invitation_revoked');
		expect(await membershipOf(person)).toBeNull();
	});

	it('refuses a forged token, with invitation_invalid', async () => {
		const person = await invitee();
		await invite(person);
		await expect(accept(person, randomBytes(32).toString('base64url'))).rejects.toThrow('invitation_invalid');
		expect(await membershipOf(person)).toBeNull();
	});

	it('refuses someone signed in with another email, with invitation_wrong_account, and keeps the link open', async () => {
		const person = await invitee();
		const someoneElse = await invitee();
		const invitation = await invite(person);
		await expect(accept(someoneElse, invitation.token)).rejects.toThrow('invitation_wrong_account');
		expect(await membershipOf(someoneElse)).toBeNull();
		expect((await invitationState(invitation.id)).accepted_at).toBeNull();
		// The right person can still use it.
		expect(await accept(person, invitation.token)).toBe(network.id);
	});

	it('does not let an anonymous visitor accept, and keeps the link open', async () => {
		const person = await invitee();
		const invitation = await invite(person);
		const error = await accept(null, invitation.token).then(
			() => null,
			(thrown: { code?: string }) => thrown
		);
		expect(error?.code).toBe('42501');
		expect((await invitationState(invitation.id)).accepted_at).toBeNull();
	});

	it('shows an anonymous visitor holding the link what it is an invitation to', async () => {
		const person = await invitee();
		const invitation = await invite(person);
		expect(await preview(invitation.token)).toEqual([
			expect.objectContaining({
				network_id: network.id,
				network_name: 'Inserimento lavorativo 2027',
				territory: 'Ambito di Frosinone',
				email: person.email,
				role: 'commenter',
				partner_name: 'Cooperativa sociale Il Ponte',
				invited_by: 'Giulia Rinaldi',
				status: 'valid'
			})
		]);
	});

	it('reports in the preview whether the link is used, expired or revoked', async () => {
		const [used, expired, revoked] = await Promise.all([invitee(), invitee(), invitee()]);
		const usedLink = await invite(used);
		await accept(used, usedLink.token);
		const expiredLink = await invite(expired, { expiresInSeconds: -1 });
		const revokedLink = await invite(revoked, { revoked: true });
		const status = async (token: string) => (await preview(token)).map((row) => row.status);
		expect(await status(usedLink.token)).toEqual(['used']);
		expect(await status(expiredLink.token)).toEqual(['expired']);
		expect(await status(revokedLink.token)).toEqual(['revoked']);
	});

	it('shows nothing in the preview for a forged token', async () => {
		expect(await preview(randomBytes(32).toString('base64url'))).toEqual([]);
	});
});
