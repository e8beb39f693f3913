import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './auth/types.ts';
import { openNetwork, type NetworkAccess } from './networks/networks.ts';

/** The signed-in person, or a redirect to sign in that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	if (event.locals.user) return event.locals.user;
	redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
}

/**
 * What the person may see of the network: the answer hooks.server.ts already
 * got for every route under /networks/[id], asked again only where it did not.
 */
export function networkAccess(event: Pick<RequestEvent, 'locals'>, networkId: string, userId: string): Promise<NetworkAccess> {
	return event.locals.networkAccess ? Promise.resolve(event.locals.networkAccess) : event.locals.db((tx) => openNetwork(tx, networkId, userId));
}
