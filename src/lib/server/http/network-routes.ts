import { json, type RequestEvent } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';

// Every route under /networks/[id] belongs to one network. Its pages answer
// a non-member with the layout's 403 page; everything else a page's layout
// does not guard (endpoints, and form actions sent by scripts, which SvelteKit
// answers without running any load) is refused here, before it runs.
const NETWORK_ROUTE = '/networks/[id]';

// The routes that are endpoints rather than pages, read from the route tree
// at build time, so a new endpoint is guarded without anyone remembering.
const ENDPOINTS = new Set(
	Object.keys(import.meta.glob('/src/routes/**/+server.ts')).map((file) => file.slice('/src/routes'.length, -'/+server.ts'.length))
);

/** Whether the request is for a route of the network named in its path. */
export const isNetworkRoute = (routeId: string | null): boolean =>
	routeId === NETWORK_ROUTE || !!routeId?.startsWith(`${NETWORK_ROUTE}/`);

/** Whether the page's layout, rather than this guard, answers a non-member. */
function layoutAnswers(event: RequestEvent): boolean {
	const scripted = event.request.headers.get('x-sveltekit-action') === 'true';
	return !ENDPOINTS.has(event.route.id ?? '') && !scripted;
}

/** The 403 for a non-member, or null when the page's layout gives it. */
export function refuseNonMember(event: RequestEvent): Response | null {
	if (layoutAnswers(event)) return null;
	// What use:enhance expects of a refused action (the error page translates
	// the key), and what SvelteKit's error() gives an endpoint.
	const body =
		event.request.headers.get('x-sveltekit-action') === 'true'
			? { type: 'error', error: { message: 'errors.network_forbidden', title: 'errors.forbidden_title' } }
			: { message: translate(event.locals.locale, 'errors.network_forbidden') };
	return json(body, { status: 403, headers: { 'cache-control': 'private, no-store' } });
}
