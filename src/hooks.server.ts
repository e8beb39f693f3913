import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { withUser } from '$lib/server/db/with-user';
import { chosenLocale } from '$lib/server/locale';
import { readProfile } from '$lib/server/profiles';
import { allowImagesFrom } from '$lib/server/csp';

// Migrations and the demo seed run before the first request is served.
export const init: ServerInit = async () => {
	await runtime();
};

export const handle: Handle = async ({ event, resolve }) => {
	const { auth, db, config } = await runtime();
	const authContext = {
		cookies: event.cookies,
		address: event.getClientAddress(),
		userAgent: event.request.headers.get('user-agent') ?? '',
		secure: event.url.protocol === 'https:'
	};
	const user = await auth.currentUser(authContext);
	const claims = user ? { sub: user.id, email: user.email, role: 'authenticated' as const } : null;

	event.locals.authContext = authContext;
	event.locals.user = user;
	event.locals.db = (fn) => withUser(db, claims, fn);
	event.locals.profile = user ? await event.locals.db((tx) => readProfile(tx, user.id)) : null;

	// A signed-in person's saved language wins; visitors choose with a cookie.
	const locale = chosenLocale(event.cookies, event.locals.profile?.locale);
	event.locals.locale = locale;

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale)
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	const policy = response.headers.get('content-security-policy');
	if (policy && config.map.tileOrigin) response.headers.set('content-security-policy', allowImagesFrom(policy, config.map.tileOrigin));
	return response;
};

// Unexpected failures: logged once with context, shown as a calm page with a code to quote.
export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = randomUUID().slice(0, 8);
	if (status !== 404) console.error(`[${id}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status === 404 ? 'errors.not_found' : 'errors.generic', id };
};
