import type { Queryable } from '../db/types.ts';
import type { Partner } from '../../domain.ts';

/** The network's partners by name (or the one of them whose id is `only`). */
export async function listPartners(tx: Queryable, networkId: string, only: string | null = null): Promise<Partner[]> {
	const { rows } = await tx.query<Partner>(
		`select id, name, kind::text as kind, systems::text[] as systems, description, address, website,
		        contact_person as "contactPerson", legal_representative as "legalRepresentative", tax_code as "taxCode"
		 from public.partners where network_id = $1 and ($2::uuid is null or id = $2) order by lower(name)`,
		[networkId, only]
	);
	return rows;
}

/** One partner of the network, or null when there is none such (or RLS hides it). */
export async function getPartner(tx: Queryable, networkId: string, partnerId: string): Promise<Partner | null> {
	return (await listPartners(tx, networkId, partnerId))[0] ?? null;
}

export interface PartnerInput {
	name: string;
	kind: string;
	systems: string[];
	description: string;
	address: string;
	website: string;
	contactPerson: string;
	legalRepresentative: string;
	taxCode: string;
}

// The columns in the order of PartnerInput's values, for both insert and update.
const COLUMNS = 'name, kind, systems, description, address, website, contact_person, legal_representative, tax_code';
const values = (input: PartnerInput) => [
	input.name,
	input.kind,
	input.systems,
	input.description,
	input.address,
	input.website,
	input.contactPerson,
	input.legalRepresentative,
	input.taxCode
];

export async function addPartner(tx: Queryable, networkId: string, input: PartnerInput): Promise<void> {
	await tx.query(
		`insert into public.partners (network_id, ${COLUMNS}) values ($1, $2, $3, $4::text[]::public.network_system[], $5, $6, $7, $8, $9, $10)`,
		[networkId, ...values(input)]
	);
}

/** Changes a partner's details; false when RLS hid it or it is gone. */
export async function updatePartner(tx: Queryable, networkId: string, partnerId: string, input: PartnerInput): Promise<boolean> {
	const { rows } = await tx.query(
		`update public.partners set (${COLUMNS}) = ($3, $4, $5::text[]::public.network_system[], $6, $7, $8, $9, $10, $11)
		 where network_id = $1 and id = $2 returning id`,
		[networkId, partnerId, ...values(input)]
	);
	return rows.length === 1;
}

/** Removes a partner; false when RLS hid it or it was already gone. */
export async function removePartner(tx: Queryable, networkId: string, partnerId: string): Promise<boolean> {
	const { rows } = await tx.query('delete from public.partners where network_id = $1 and id = $2 returning id', [
		networkId,
		partnerId
	]);
	return rows.length === 1;
}
