import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './auth/types.ts';

/** The signed-in person, or a redirect to sign in that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	if (event.locals.user) return event.locals.user;
	redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
}
