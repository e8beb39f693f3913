// What taking someone out of a network means, and what leaving it means.
// Memberships are the only thing removed: comments, replies, messages and
// files refer to the person's account, not the membership, so they stay
// signed with their name. The database keeps a facilitator (the
// keep_a_facilitator trigger); here the last one is told so before trying.
import type { Queryable } from '../db/types.ts';
import type { Confirmation } from '../../confirmation.ts';

interface Leaver {
	name: string;
	role: string;
	facilitators: number;
	network: string;
}

async function leaver(tx: Queryable, networkId: string, userId: string): Promise<Leaver | null> {
	const { rows } = await tx.query<Leaver>(
		`select p.display_name as name, m.role::text as role, n.name as network,
		        (select count(*)::int from public.memberships f
		          where f.network_id = m.network_id and f.role = 'facilitator') as facilitators
		 from public.memberships m
		 join public.profiles p on p.id = m.user_id
		 join public.networks n on n.id = m.network_id
		 where m.network_id = $1 and m.user_id = $2`,
		[networkId, userId]
	);
	return rows[0] ?? null;
}

/**
 * The question before removing a member, or before leaving when it is the
 * person themselves; null when this person cannot see that membership.
 */
export async function memberRemoval(
	tx: Queryable,
	networkId: string,
	{ userId, self }: { userId: string; self: boolean }
): Promise<Confirmation | null> {
	const who = await leaver(tx, networkId, userId);
	if (!who) return null;
	const base = { action: '?/remove', fields: { userId } };
	if (!self) {
		return {
			...base,
			title: { key: 'confirm.member.title', params: { name: who.name } },
			consequences: [
				{ key: 'confirm.member.access', params: { name: who.name } },
				{ key: 'confirm.member.kept' },
				{ key: 'confirm.member.return' }
			],
			confirmLabel: { key: 'confirm.member.confirm' }
		};
	}
	const lastFacilitator = who.role === 'facilitator' && who.facilitators <= 1;
	return {
		...base,
		title: { key: 'confirm.leave.title', params: { network: who.network } },
		consequences: [{ key: 'confirm.leave.access' }, { key: 'confirm.leave.kept' }, { key: 'confirm.leave.return' }],
		confirmLabel: { key: 'confirm.leave.confirm' },
		blocked: lastFacilitator ? { key: 'confirm.leave.lastFacilitator' } : undefined
	};
}
