import type { Queryable } from '../db/types.ts';
import type { Member, Role } from '../../domain.ts';

const ROLE_ORDER = "array_position(array['facilitator','editor','commenter','viewer']::public.network_role[], m.role)";

export async function listMembers(tx: Queryable, networkId: string): Promise<Member[]> {
	const { rows } = await tx.query<Member>(
		`select m.user_id as "userId", p.display_name as "displayName", p.organisation, p.email,
		        m.role::text as role, m.partner_id as "partnerId", pa.name as "partnerName"
		 from public.memberships m
		 join public.profiles p on p.id = m.user_id
		 left join public.partners pa on pa.id = m.partner_id
		 where m.network_id = $1
		 order by ${ROLE_ORDER}, lower(p.display_name)`,
		[networkId]
	);
	return rows;
}

export async function changeMember(
	tx: Queryable,
	networkId: string,
	change: { userId: string; role: Role; partnerId: string | null }
): Promise<boolean> {
	const { rows } = await tx.query(
		`update public.memberships set role = $3, partner_id = $4
		 where network_id = $1 and user_id = $2 returning user_id`,
		[networkId, change.userId, change.role, change.partnerId]
	);
	return rows.length === 1;
}

export async function removeMember(tx: Queryable, networkId: string, userId: string): Promise<boolean> {
	const { rows } = await tx.query(
		'delete from public.memberships where network_id = $1 and user_id = $2 returning user_id',
		[networkId, userId]
	);
	return rows.length === 1;
}
