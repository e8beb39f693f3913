import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Claims, Database } from '../../src/lib/server/db/types.ts';

// Test data, made the way the app makes it. Users, memberships, partners and
// invitations are written with the service connection (they are the scene,
// not the thing under test); networks are created as their creator through
// withUser, because the creator-becomes-facilitator trigger is part of the
// contract every other test leans on.

export type Role = 'facilitator' | 'editor' | 'commenter' | 'viewer';

export interface TestUser {
	id: string;
	email: string;
	claims: Claims;
}

export interface TestNetwork {
	id: string;
	name: string;
	createdBy: TestUser;
}

export interface TestPartner {
	id: string;
	networkId: string;
	name: string;
}

export interface TestInvitation {
	id: string;
	networkId: string;
	email: string;
	/** The secret the link carries; only its SHA-256 is in the database. */
	token: string;
}

let counter = 0;
/** Unique within a test run, readable in a failure message. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export const claimsFor = (user: { id: string; email: string }): Claims => ({
	sub: user.id,
	email: user.email,
	role: 'authenticated'
});

/** The hash the database stores for an invitation token: sha256(convert_to(token, 'UTF8')). */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest();

/** A person in auth.users; the on_auth_user_created trigger gives them a profile. */
export async function createUser(
	db: Database,
	options: { email?: string; displayName?: string; organisation?: string; locale?: 'it' | 'en' } = {}
): Promise<TestUser> {
	const email = options.email ?? `${unique('person')}@trama.test`;
	const { rows } = await db.query<{ id: string }>(
		`insert into auth.users (email, raw_user_meta_data) values ($1, $2) returning id`,
		[
			email,
			JSON.stringify({
				display_name: options.displayName ?? email.split('@')[0],
				organisation: options.organisation ?? '',
				locale: options.locale ?? 'it'
			})
		]
	);
	const user = { id: rows[0].id, email };
	return { ...user, claims: claimsFor(user) };
}

/**
 * A network created by `creator` under the row-level policies. The id is
 * chosen here and the insert has no RETURNING: the select policy asks for a
 * membership, which only the AFTER INSERT trigger adds.
 */
export async function createNetwork(
	db: Database,
	creator: TestUser,
	options: { name?: string; territory?: string } = {}
): Promise<TestNetwork> {
	const id = randomUUID();
	const name = options.name ?? unique('Rete');
	await withUser(db, creator.claims, (tx) =>
		tx.query('insert into public.networks (id, name, territory) values ($1, $2, $3)', [
			id,
			name,
			options.territory ?? 'Ambito di Frosinone'
		])
	);
	return { id, name, createdBy: creator };
}

export async function addMember(
	db: Database,
	network: { id: string },
	user: { id: string },
	role: Role,
	partner?: { id: string }
): Promise<void> {
	await db.query('insert into public.memberships (network_id, user_id, role, partner_id) values ($1, $2, $3, $4)', [
		network.id,
		user.id,
		role,
		partner?.id ?? null
	]);
}

export async function createPartner(
	db: Database,
	network: { id: string },
	options: { name?: string; kind?: string; systems?: ('health' | 'social' | 'training' | 'employment')[] } = {}
): Promise<TestPartner> {
	const name = options.name ?? unique('Cooperativa');
	const { rows } = await db.query<{ id: string }>(
		'insert into public.partners (network_id, name, kind, systems) values ($1, $2, $3, $4::text[]::public.network_system[]) returning id',
		[network.id, name, options.kind ?? 'social_coop_b', options.systems ?? ['employment']]
	);
	return { id: rows[0].id, networkId: network.id, name };
}

/** An invitation link; expired or revoked ones are made by moving the dates. */
export async function createInvitation(
	db: Database,
	options: {
		network: { id: string };
		invitedBy: { id: string };
		email: string;
		role?: Role;
		partner?: { id: string };
		expiresInSeconds?: number;
		revoked?: boolean;
	}
): Promise<TestInvitation> {
	const token = randomBytes(32).toString('base64url');
	const email = options.email.trim().toLowerCase();
	const { rows } = await db.query<{ id: string }>(
		`insert into public.invitations
		   (network_id, email, role, partner_id, token_hash, expires_at, created_by, revoked_at)
		 values ($1, $2, $3, $4, $5, now() + make_interval(secs => $6), $7, case when $8 then now() end)
		 returning id`,
		[
			options.network.id,
			email,
			options.role ?? 'editor',
			options.partner?.id ?? null,
			tokenHash(token),
			options.expiresInSeconds ?? 7 * 24 * 60 * 60,
			options.invitedBy.id,
			options.revoked ?? false
		]
	);
	return { id: rows[0].id, networkId: options.network.id, email, token };
}

/** A signed-in session for `user`, as the embedded provider stores it; returns the cookie header. */
export async function createSession(db: Database, user: { id: string }): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	await db.query(
		`insert into trama_auth.sessions (token_hash, user_id, expires_at) values ($1, $2, now() + interval '1 day')`,
		[createHash('sha256').update(token).digest(), user.id]
	);
	return `trama_session=${token}`;
}

export interface TestDocument {
	id: string;
	networkId: string;
}

/**
 * A document created by an editor of the network, with an optional initial
 * Yjs state. A status is set by the service afterwards: nobody creates an
 * approved document (approving keeps a version of a text that exists).
 */
export async function createDocument(
	db: Database,
	network: { id: string },
	creator: TestUser,
	options: { title?: string; kind?: string; status?: string; state?: Uint8Array } = {}
): Promise<TestDocument> {
	const id = randomUUID();
	await withUser(db, creator.claims, async (tx) => {
		await tx.query('insert into public.documents (id, network_id, kind, title) values ($1, $2, $3, $4)', [
			id,
			network.id,
			options.kind ?? 'co_design',
			options.title ?? unique('Documento')
		]);
		if (options.state) await tx.query('select public.initialize_document($1, $2)', [id, Buffer.from(options.state)]);
	});
	if (options.status) await db.query('update public.documents set status = $2 where id = $1', [id, options.status]);
	return { id, networkId: network.id };
}

export interface Member extends TestUser {
	name: string;
}

/** A network with one person per role, and a network elsewhere. */
export interface NetworkCast {
	facilitator: Member;
	editor: Member;
	commenter: Member;
	viewer: Member;
	/** The facilitator of another network, who belongs to nothing here. */
	outsider: Member;
	network: TestNetwork;
	elsewhere: TestNetwork;
}

/** A cast of people of its own; tests that post take one each, as posting is rate-limited per account. */
export async function createNetworkCast(db: Database): Promise<NetworkCast> {
	const [facilitator, editor, commenter, viewer, outsider] = await Promise.all(
		[
			['Giulia Rinaldi', 'Ambito di Frosinone'],
			['Marco Ferri', 'Cooperativa Il Ponte'],
			['Anna Colombo', 'Comune di Sora'],
			['Paolo De Santis', ''],
			['Olga Altrove', '']
		].map(async ([name, organisation]) => ({ ...(await createUser(db, { displayName: name, organisation })), name }))
	);
	const network = await createNetwork(db, facilitator);
	await addMember(db, network, editor, 'editor');
	await addMember(db, network, commenter, 'commenter');
	await addMember(db, network, viewer, 'viewer');
	const elsewhere = await createNetwork(db, outsider);
	return { facilitator, editor, commenter, viewer, outsider, network, elsewhere };
}
