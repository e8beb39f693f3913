// What removing a partner takes with it. The foreign keys decide (see the
// networks, invitations and map_entries migrations): memberships, pending
// invitations and map entries that name it are kept and lose the partner
// (on delete set null). Counted as the person, so the policies decide what
// they may know; only a facilitator may remove a partner, and sees them all.
import type { Queryable } from '../db/types.ts';
import type { Confirmation } from '../../confirmation.ts';
import { counted } from './ask.ts';

interface PartnerTies {
	name: string;
	members: number;
	invitations: number;
	entries: number;
}

async function partnerTies(tx: Queryable, networkId: string, partnerId: string): Promise<PartnerTies | null> {
	const { rows } = await tx.query<PartnerTies>(
		`select p.name,
		        (select count(*)::int from public.memberships m where m.network_id = p.network_id and m.partner_id = p.id) as members,
		        (select count(*)::int from public.invitations i
		          where i.network_id = p.network_id and i.partner_id = p.id
		            and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()) as invitations,
		        (select count(*)::int from public.map_entries e where e.network_id = p.network_id and e.partner_id = p.id) as entries
		 from public.partners p where p.network_id = $1 and p.id = $2`,
		[networkId, partnerId]
	);
	return rows[0] ?? null;
}

/** The question before removing a partner, or null when this person cannot see it. */
export async function partnerRemoval(tx: Queryable, networkId: string, partnerId: string): Promise<Confirmation | null> {
	const ties = await partnerTies(tx, networkId, partnerId);
	if (!ties) return null;
	return {
		action: '?/remove',
		fields: { id: partnerId },
		title: { key: 'confirm.partner.title', params: { name: ties.name } },
		consequences: [
			...counted(ties.members, 'confirm.partner.membersOne', 'confirm.partner.membersMany'),
			...counted(ties.invitations, 'confirm.partner.invitationsOne', 'confirm.partner.invitationsMany'),
			...counted(ties.entries, 'confirm.partner.entriesOne', 'confirm.partner.entriesMany'),
			{ key: 'confirm.partner.final' }
		],
		confirmLabel: { key: 'confirm.partner.confirm' }
	};
}
