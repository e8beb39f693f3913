import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { addMember, createInvitation, createNetwork, createPartner, createUser, type TestNetwork, type TestUser } from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// The keep_a_facilitator trigger: whatever the policies allow, a network is
// never left without a facilitator — except by deleting the network itself.

describe.each(backends)('a network always keeps a facilitator, on $name', (backend) => {
	let db: Database;
	let lead: TestUser;
	let member: TestUser;
	let network: TestNetwork;
	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	// Each test gets its own network: these tests commit, as the app would.
	const freshNetwork = async () => {
		lead = await createUser(db, { displayName: 'Giulia' });
		member = await createUser(db, { displayName: 'Marco' });
		network = await createNetwork(db, lead);
		await addMember(db, network, member, 'editor');
	};
	const roleOf = async (user: TestUser) =>
		(
			await db.query<{ role: string }>('select role::text as role from public.memberships where network_id = $1 and user_id = $2', [
				network.id,
				user.id
			])
		).rows[0]?.role ?? null;
	const asLead = (sql: string, params: unknown[] = []) => withUser(db, lead.claims, (tx) => tx.query(sql, params));

	it('makes the creator of a network its facilitator', async () => {
		await freshNetwork();
		expect(await roleOf(lead)).toBe('facilitator');
	});

	it('refuses to demote the last facilitator, with last_facilitator', async () => {
		await freshNetwork();
		await expect(
			asLead(`update public.memberships set role = 'editor' where network_id = $1 and user_id = $2`, [network.id, lead.id])
		).rejects.toThrow('last_facilitator');
		expect(await roleOf(lead)).toBe('facilitator');
	});

	it('refuses to let the last facilitator leave, with last_facilitator', async () => {
		await freshNetwork();
		await expect(
			asLead('delete from public.memberships where network_id = $1 and user_id = $2', [network.id, lead.id])
		).rejects.toThrow('last_facilitator');
		expect(await roleOf(lead)).toBe('facilitator');
	});

	it('lets a facilitator step down and leave once a second facilitator exists', async () => {
		await freshNetwork();
		await asLead(`update public.memberships set role = 'facilitator' where network_id = $1 and user_id = $2`, [
			network.id,
			member.id
		]);
		await asLead(`update public.memberships set role = 'viewer' where network_id = $1 and user_id = $2`, [
			network.id,
			lead.id
		]);
		expect(await roleOf(lead)).toBe('viewer');
		await asLead('delete from public.memberships where network_id = $1 and user_id = $2', [network.id, lead.id]);
		expect(await roleOf(lead)).toBeNull();
		// Now the member is the last one, and is held in turn.
		await expect(
			withUser(db, member.claims, (tx) =>
				tx.query('delete from public.memberships where network_id = $1 and user_id = $2', [network.id, member.id])
			)
		).rejects.toThrow('last_facilitator');
		expect(await roleOf(member)).toBe('facilitator');
	});

	it('lets one facilitator remove another', async () => {
		await freshNetwork();
		await asLead(`update public.memberships set role = 'facilitator' where network_id = $1 and user_id = $2`, [
			network.id,
			member.id
		]);
		await asLead('delete from public.memberships where network_id = $1 and user_id = $2', [network.id, member.id]);
		expect(await roleOf(member)).toBeNull();
		expect(await roleOf(lead)).toBe('facilitator');
	});

	it('still lets the last facilitator delete the whole network, memberships and all', async () => {
		await freshNetwork();
		await createPartner(db, network);
		await createInvitation(db, { network, invitedBy: lead, email: 'qualcuno@trama.test' });
		await asLead('delete from public.networks where id = $1', [network.id]);
		const { rows } = await db.query<{ left: number }>(
			`select (select count(*) from public.networks where id = $1)
			      + (select count(*) from public.memberships where network_id = $1)
			      + (select count(*) from public.partners where network_id = $1)
			      + (select count(*) from public.invitations where network_id = $1) as left`,
			[network.id]
		);
		expect(Number(rows[0].left)).toBe(0);
	});
});
