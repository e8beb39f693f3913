import type { Queryable } from '../db/types.ts';

/** The partner the signed-in person speaks for in the network, if any: their own membership, seen under RLS. */
export async function myPartnerName(tx: Queryable, networkId: string): Promise<string | null> {
	const { rows } = await tx.query<{ name: string | null }>(
		`select p.name from public.memberships m
		 left join public.partners p on p.id = m.partner_id
		 where m.network_id = $1 and m.user_id = (select auth.uid())`,
		[networkId]
	);
	return rows[0]?.name ?? null;
}
