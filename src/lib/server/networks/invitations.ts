import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types.ts';
import type { Role } from '../../domain.ts';

export const INVITATION_DAYS = 7;

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();
const newToken = () => randomBytes(32).toString('base64url');

export interface PendingInvitation {
	id: string;
	email: string;
	role: Role;
	partnerName: string | null;
	expiresAt: Date;
	expired: boolean;
	/** The link's token, to copy again; null for an invitation made before links were kept. */
	token: string | null;
}

export async function listPendingInvitations(tx: Queryable, networkId: string): Promise<PendingInvitation[]> {
	const { rows } = await tx.query<PendingInvitation>(
		`select i.id, i.email, i.role::text as role, p.name as "partnerName", i.expires_at as "expiresAt",
		        i.expires_at <= now() as expired, i.token
		 from public.invitations i left join public.partners p on p.id = i.partner_id
		 where i.network_id = $1 and i.accepted_at is null and i.revoked_at is null
		 order by i.created_at desc`,
		[networkId]
	);
	return rows;
}

export async function isMemberEmail(tx: Queryable, networkId: string, email: string): Promise<boolean> {
	const { rows } = await tx.query(
		`select 1 from public.memberships m join public.profiles p on p.id = m.user_id
		 where m.network_id = $1 and p.email = $2`,
		[networkId, email]
	);
	return rows.length > 0;
}

/**
 * Creates an invitation and returns its token. The database looks the link
 * up by the token's hash, and keeps the token itself for the facilitators to
 * copy again (see the invitations.token column). An open invitation to the
 * same address is withdrawn first, so only the newest link works.
 */
export async function createInvitation(
	tx: Queryable,
	networkId: string,
	input: { email: string; role: Role; partnerId: string | null }
): Promise<string> {
	await tx.query(
		`update public.invitations set revoked_at = now()
		 where network_id = $1 and email = $2 and accepted_at is null and revoked_at is null`,
		[networkId, input.email]
	);
	const token = newToken();
	await tx.query(
		`insert into public.invitations (network_id, email, role, partner_id, token, token_hash, expires_at)
		 values ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))`,
		[networkId, input.email, input.role, input.partnerId, token, hashToken(token), INVITATION_DAYS]
	);
	return token;
}

/** A new link for a pending invitation, asked for on purpose: the old one stops working. */
export async function renewInvitation(
	tx: Queryable,
	networkId: string,
	id: string
): Promise<{ token: string; email: string } | null> {
	const token = newToken();
	const { rows } = await tx.query<{ email: string }>(
		`update public.invitations set token = $3, token_hash = $4, expires_at = now() + make_interval(days => $5)
		 where network_id = $1 and id = $2 and accepted_at is null and revoked_at is null
		 returning email`,
		[networkId, id, token, hashToken(token), INVITATION_DAYS]
	);
	return rows[0] ? { token, email: rows[0].email } : null;
}

export async function revokeInvitation(tx: Queryable, networkId: string, id: string): Promise<boolean> {
	const { rows } = await tx.query(
		`update public.invitations set revoked_at = now()
		 where network_id = $1 and id = $2 and accepted_at is null and revoked_at is null returning id`,
		[networkId, id]
	);
	return rows.length === 1;
}

export interface InvitationPreview {
	networkId: string;
	networkName: string;
	territory: string;
	email: string;
	role: Role;
	partnerName: string | null;
	invitedBy: string | null;
	expiresAt: Date;
	status: 'valid' | 'expired' | 'used' | 'revoked';
}

export async function previewInvitation(tx: Queryable, token: string): Promise<InvitationPreview | null> {
	const { rows } = await tx.query<InvitationPreview>(
		`select network_id as "networkId", network_name as "networkName", territory, email, role::text as role,
		        partner_name as "partnerName", invited_by as "invitedBy", expires_at as "expiresAt", status
		 from public.invitation_preview($1)`,
		[token]
	);
	return rows[0] ?? null;
}

/** Accepts as the signed-in person; the database checks every condition. */
export async function acceptInvitation(tx: Queryable, token: string): Promise<string> {
	const { rows } = await tx.query<{ network_id: string }>('select public.accept_invitation($1) as network_id', [token]);
	return rows[0].network_id;
}
