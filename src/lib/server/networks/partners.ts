import type { Queryable } from '../db/types.ts';
import { SYSTEMS, type NetworkSystem, type Partner } from '../../domain.ts';

export async function listPartners(tx: Queryable, networkId: string): Promise<Partner[]> {
	const { rows } = await tx.query<Partner>(
		`select id, name, kind::text as kind, system::text as system, description
		 from public.partners where network_id = $1 order by lower(name)`,
		[networkId]
	);
	return rows;
}

/** Partners grouped by the four systems, every system present even when empty. */
export function groupBySystem(partners: Partner[]): { system: NetworkSystem; partners: Partner[] }[] {
	return SYSTEMS.map((system) => ({ system, partners: partners.filter((p) => p.system === system) }));
}

export interface PartnerInput {
	name: string;
	kind: string;
	system: string;
	description: string;
}

export async function addPartner(tx: Queryable, networkId: string, input: PartnerInput): Promise<void> {
	await tx.query(
		`insert into public.partners (network_id, name, kind, system, description) values ($1, $2, $3, $4, $5)`,
		[networkId, input.name, input.kind, input.system, input.description]
	);
}

/** Removes a partner; false when RLS hid it or it was already gone. */
export async function removePartner(tx: Queryable, networkId: string, partnerId: string): Promise<boolean> {
	const { rows } = await tx.query('delete from public.partners where network_id = $1 and id = $2 returning id', [
		networkId,
		partnerId
	]);
	return rows.length === 1;
}
