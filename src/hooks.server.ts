import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n/translate';
import { runtime } from '$lib/server/runtime';
import { withUser } from '$lib/server/db/with-user';
import { chosenLocale } from '$lib/server/locale';
import { readProfile } from '$lib/server/profiles';
import { allowImagesFrom } from '$lib/server/csp';
import { log } from '$lib/server/log';
import { requestId } from '$lib/server/http/request-id';
import { readableFormsOnly } from '$lib/server/http/form-body';
import { cleanQuery } from '$lib/server/http/query';
import { isNetworkRoute, refuseNonMember, refuseVisitor } from '$lib/server/http/network-routes';
import { openNetwork } from '$lib/server/networks/networks';
import { isUuid } from '$lib/uuid';

// Migrations and the demo seed run before the first request is served.
export const init: ServerInit = async () => {
	await runtime();
};

export const handle: Handle = async ({ event, resolve }) => {
	const { auth, db, config } = await runtime();
	event.locals.requestId = requestId(event.request.headers.get('x-request-id'));
	readableFormsOnly(event.request);
	cleanQuery(event.url);
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

	// Asked once per request of a network's route; the layout reads the answer.
	const networkId = event.params.id;
	if (isNetworkRoute(event.route.id) && networkId && isUuid(networkId)) {
		let refused = user ? null : refuseVisitor(event);
		if (user) {
			const access = await event.locals.db((tx) => openNetwork(tx, networkId, user.id));
			event.locals.networkAccess = access;
			if (access.status === 'forbidden') refused = refuseNonMember(event);
		}
		if (refused) return withHeaders(refused, event.locals.requestId);
	}

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale)
	});
	const policy = response.headers.get('content-security-policy');
	if (policy && config.map.tileOrigin) response.headers.set('content-security-policy', allowImagesFrom(policy, config.map.tileOrigin));
	return withHeaders(response, event.locals.requestId);
};

function withHeaders(response: Response, id: string): Response {
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('X-Request-Id', id);
	return response;
}

// Unexpected failures: logged once, without what the request carried, under
// the request's id, which the calm error page shows for the person to quote.
// SvelteKit also comes here with the client's own mistakes (a path that is
// not UTF-8, a method a page lacks): answered, not logged.
export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = event.locals.requestId ?? requestId(null);
	if (status >= 500) log.error({ err: error, requestId: id, method: event.request.method, route: event.route.id, status }, 'request failed');
	return { message: errorMessage(status), id };
};

function errorMessage(status: number): MessageKey {
	if (status === 404) return 'errors.not_found';
	if (status === 413) return 'errors.body_too_large';
	return status >= 500 ? 'errors.generic' : 'errors.bad_request';
}
