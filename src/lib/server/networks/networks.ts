import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/types.ts';
import type { Phase, Role } from '../../domain.ts';

export interface NetworkSummary {
	id: string;
	name: string;
	territory: string;
	phase: Phase;
	role: Role;
	partnerCount: number;
	memberCount: number;
}

export interface Network {
	id: string;
	name: string;
	territory: string;
	description: string;
	phase: Phase;
	createdAt: Date;
}

/** The networks the person belongs to: RLS already limits the rows to theirs. */
export async function listMyNetworks(tx: Queryable, userId: string): Promise<NetworkSummary[]> {
	const { rows } = await tx.query<NetworkSummary>(
		`select n.id, n.name, n.territory, n.phase::text as phase, m.role::text as role,
		        (select count(*) from public.partners p where p.network_id = n.id)::int as "partnerCount",
		        (select count(*) from public.memberships x where x.network_id = n.id)::int as "memberCount"
		 from public.networks n
		 join public.memberships m on m.network_id = n.id and m.user_id = $1
		 where n.archived_at is null
		 order by n.updated_at desc`,
		[userId]
	);
	return rows;
}

export type NetworkAccess =
	| { status: 'member'; network: Network; role: Role }
	| { status: 'forbidden' }
	| { status: 'missing' };

/** Opens a network as the person: a member sees it, anyone else learns only whether it exists. */
export async function openNetwork(tx: Queryable, networkId: string, userId: string): Promise<NetworkAccess> {
	const { rows } = await tx.query<Network & { role: Role }>(
		`select n.id, n.name, n.territory, n.description, n.phase::text as phase, n.created_at as "createdAt",
		        m.role::text as role
		 from public.networks n
		 join public.memberships m on m.network_id = n.id and m.user_id = $2
		 where n.id = $1`,
		[networkId, userId]
	);
	if (rows[0]) {
		const { role, ...network } = rows[0];
		return { status: 'member', network, role };
	}
	const exists = await tx.query<{ exists: boolean }>('select public.network_exists($1) as exists', [networkId]);
	return exists.rows[0].exists ? { status: 'forbidden' } : { status: 'missing' };
}

export async function networkName(tx: Queryable, id: string): Promise<string> {
	const { rows } = await tx.query<{ name: string }>('select name from public.networks where id = $1', [id]);
	return rows[0]?.name ?? '';
}

export interface NetworkInput {
	name: string;
	territory: string;
	description: string;
	phase: string;
}

/**
 * Creates a network; a trigger makes the creator its facilitator. The id is
 * chosen here because the row only becomes visible (for RETURNING) once that
 * trigger has run.
 */
export async function createNetwork(tx: Queryable, input: NetworkInput): Promise<string> {
	const id = randomUUID();
	await tx.query(
		`insert into public.networks (id, name, territory, description, phase)
		 values ($1, $2, $3, $4, $5)`,
		[id, input.name, input.territory, input.description, input.phase]
	);
	return id;
}

export async function updateNetwork(tx: Queryable, id: string, input: NetworkInput): Promise<boolean> {
	const { rows } = await tx.query(
		`update public.networks set name = $2, territory = $3, description = $4, phase = $5
		 where id = $1 returning id`,
		[id, input.name, input.territory, input.description, input.phase]
	);
	return rows.length === 1;
}


