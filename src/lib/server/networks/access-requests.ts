// Requests for more access. Every function runs as the person (locals.db):
// the policies show the requester their own requests and a network's
// facilitators all of its requests; request_access() and
// decide_access_request() do the writing and decide who may.
import type { Queryable } from '../db/types.ts';
import type { Role } from '../../domain.ts';
import type { AccessRequest } from '../../access/requests.ts';

const COLUMNS = `r.id, r.network_id as "networkId", r.requester_id as "requesterId",
	p.display_name as "requesterName", p.organisation as "requesterOrganisation", m.role::text as "heldRole",
	r.role::text as role, r.message, r.status::text as status, r.created_at as "createdAt",
	d.display_name as "decidedByName", r.decided_at as "decidedAt"`;

const FROM = `from public.access_requests r
	left join public.profiles p on p.id = r.requester_id
	left join public.memberships m on m.network_id = r.network_id and m.user_id = r.requester_id
	left join public.profiles d on d.id = r.decided_by`;

/** Asks for `role` in the network as the person signed in; returns the request's id. */
export async function requestAccess(
	tx: Queryable,
	networkId: string,
	request: { role: Role; message: string }
): Promise<string> {
	const { rows } = await tx.query<{ id: string }>('select public.request_access($1, $2, $3) as id', [
		networkId,
		request.role,
		request.message
	]);
	return rows[0].id;
}

/** Grants or declines a request as one of its network's facilitators; returns it as it now stands. */
export async function decideAccessRequest(tx: Queryable, requestId: string, granted: boolean): Promise<AccessRequest> {
	await tx.query('select public.decide_access_request($1, $2)', [requestId, granted]);
	const { rows } = await tx.query<AccessRequest>(`select ${COLUMNS} ${FROM} where r.id = $1`, [requestId]);
	return rows[0];
}

/** The person's own latest request in the network, waiting or decided, or null. */
export async function latestOwnRequest(tx: Queryable, networkId: string, userId: string): Promise<AccessRequest | null> {
	const { rows } = await tx.query<AccessRequest>(
		`select ${COLUMNS} ${FROM}
		 where r.network_id = $1 and r.requester_id = $2
		 order by r.created_at desc limit 1`,
		[networkId, userId]
	);
	return rows[0] ?? null;
}

/** The network's waiting requests, oldest first: empty for anyone but its facilitators (and a requester's own). */
export async function pendingRequests(tx: Queryable, networkId: string): Promise<AccessRequest[]> {
	const { rows } = await tx.query<AccessRequest>(
		`select ${COLUMNS} ${FROM}
		 where r.network_id = $1 and r.status = 'pending'
		 order by r.created_at, r.id`,
		[networkId]
	);
	return rows;
}
