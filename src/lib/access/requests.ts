// Asking for more access, as the pages show it. The database decides for
// real (request_access() refuses a role one already holds or exceeds); this
// only chooses which roles to offer.
import { ROLES, type Role } from '../domain.ts';

export const ACCESS_REQUEST_STATUSES = ['pending', 'granted', 'declined'] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

/** The most a short message to the facilitators may say (the table's check). */
export const ACCESS_MESSAGE_MAX = 500;

/** The roles above `held`, from the nearest up: what a person may ask for. ROLES runs from the most to the least. */
export function rolesAbove(held: Role): Role[] {
	return ROLES.slice(0, ROLES.indexOf(held)).reverse();
}

/** The role to offer first: the one asked for in the link, if it is above the held one, else the next one up. */
export function suggestedRole(held: Role, asked: string | null): Role | null {
	const choices = rolesAbove(held);
	return choices.find((role) => role === asked) ?? choices[0] ?? null;
}

/** A request as the pages show it. */
export interface AccessRequest {
	id: string;
	networkId: string;
	requesterId: string;
	requesterName: string | null;
	requesterOrganisation: string | null;
	/** The role the requester holds now. */
	heldRole: Role | null;
	role: Role;
	message: string;
	status: AccessRequestStatus;
	createdAt: Date;
	decidedByName: string | null;
	decidedAt: Date | null;
}

/** What a decision form hands back to its page: who, which role, which answer. */
export type AccessDecided = Pick<AccessRequest, 'id' | 'requesterName' | 'role' | 'status'>;
