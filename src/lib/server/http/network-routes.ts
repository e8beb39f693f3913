import { json, type RequestEvent } from '@sveltejs/kit';
import Negotiator from 'negotiator';
import { translate } from '$lib/i18n/translate';

// Every route under /networks/[id] belongs to one network. Its pages answer
// a non-member with the layout's 403 page and send a visitor to sign in.
// What no page's layout guards is refused here, before it runs: endpoints,
// and form actions answered with JSON (use:enhance's way), for which
// SvelteKit runs no load. So is any visitor's form action: it would run
// before the layout, as nobody, and meet the database's refusal as a fault.
const NETWORK_ROUTE = '/networks/[id]';

// The routes that are endpoints rather than pages, read from the route tree
// at build time, so a new endpoint is guarded without anyone remembering.
const ENDPOINTS = new Set(
	Object.keys(import.meta.glob('/src/routes/**/+server.ts')).map((file) => file.slice('/src/routes'.length, -'/+server.ts'.length))
);

/** Whether the request is for a route of the network named in its path. */
export const isNetworkRoute = (routeId: string | null): boolean =>
	routeId === NETWORK_ROUTE || !!routeId?.startsWith(`${NETWORK_ROUTE}/`);

const isRead = (event: RequestEvent) => event.request.method === 'GET' || event.request.method === 'HEAD';

/** Whether SvelteKit answers this form action with JSON: it does when the request prefers JSON to HTML, as here. */
function actionAnsweredWithJson(event: RequestEvent): boolean {
	const accept = event.request.headers.get('accept') ?? '*/*';
	return new Negotiator({ headers: { accept } }).mediaType(['application/json', 'text/html']) === 'application/json';
}

/**
 * A visitor's form action, sent to sign in and back before it runs; null for
 * a GET, which a page's layout or the endpoint itself answers.
 */
export function refuseVisitor(event: RequestEvent): Response | null {
	if (isRead(event)) return null;
	const location = `/login?redirectTo=${encodeURIComponent(event.url.pathname)}`;
	// What use:enhance follows, and what a browser without scripts follows.
	if (actionAnsweredWithJson(event)) return json({ type: 'redirect', status: 303, location });
	return new Response(null, { status: 303, headers: { location } });
}

/** The 403 for a non-member, or null where the page's layout gives it. */
export function refuseNonMember(event: RequestEvent): Response | null {
	const endpoint = ENDPOINTS.has(event.route.id ?? '');
	const jsonAction = !endpoint && !isRead(event) && actionAnsweredWithJson(event);
	if (!endpoint && !jsonAction) return null;
	// What use:enhance expects of a refused action (the error page translates
	// the key), and what SvelteKit's error() gives an endpoint.
	const body = jsonAction
		? { type: 'error', error: { message: 'errors.network_forbidden', title: 'errors.forbidden_title' } }
		: { message: translate(event.locals.locale, 'errors.network_forbidden') };
	return json(body, { status: 403, headers: { 'cache-control': 'private, no-store' } });
}
