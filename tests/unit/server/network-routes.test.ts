import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { isNetworkRoute, refuseNonMember, refuseVisitor } from '../../../src/lib/server/http/network-routes.ts';

const NETWORK = 'de000000-0000-4000-8000-000000000001';

function event(routeId: string, method: string, accept?: string): RequestEvent {
	const headers = accept ? { accept } : undefined;
	const url = new URL(`http://trama.test${routeId.replace('[id]', NETWORK)}`);
	return { route: { id: routeId }, request: new Request(url, { method, headers }), url, locals: { locale: 'it' } } as unknown as RequestEvent;
}

describe('isNetworkRoute', () => {
	it('names the network page and everything under it, and nothing else', () => {
		expect(isNetworkRoute('/networks/[id]')).toBe(true);
		expect(isNetworkRoute('/networks/[id]/files/search')).toBe(true);
		expect(isNetworkRoute('/networks/new')).toBe(false);
		expect(isNetworkRoute('/networks')).toBe(false);
		expect(isNetworkRoute(null)).toBe(false);
	});
});

describe('refuseNonMember', () => {
	it('leaves a page, and a form posted by a browser without scripts, to the layout’s 403 page', () => {
		expect(refuseNonMember(event('/networks/[id]/partners', 'GET', 'text/html'))).toBeNull();
		expect(refuseNonMember(event('/networks/[id]/partners', 'POST', 'text/html,application/xhtml+xml'))).toBeNull();
	});

	it('refuses an endpoint found in the route tree with 403 and the reason, whatever the request accepts', async () => {
		for (const accept of ['text/html', '*/*']) {
			const refused = refuseNonMember(event('/networks/[id]/documents/titles', 'GET', accept));
			expect(refused?.status).toBe(403);
			expect(await refused?.json()).toEqual({ message: expect.stringContaining('Non fai parte di questa rete') });
		}
	});

	it('refuses a form action answered with JSON, as use:enhance or a script sends it, before it runs', async () => {
		for (const accept of ['application/json', '*/*', undefined]) {
			const refused = refuseNonMember(event('/networks/[id]/partners', 'POST', accept));
			expect(refused?.status).toBe(403);
			expect(await refused?.json()).toEqual({ type: 'error', error: { message: 'errors.network_forbidden', title: 'errors.forbidden_title' } });
		}
	});
});

describe('refuseVisitor', () => {
	it('leaves a GET to the page or endpoint, which send to sign in or answer 401 themselves', () => {
		expect(refuseVisitor(event('/networks/[id]', 'GET', 'text/html'))).toBeNull();
	});

	it('sends a visitor’s form action to sign in before it runs, the way the request can follow', async () => {
		const plain = refuseVisitor(event('/networks/[id]/members', 'POST', 'text/html'));
		expect(plain?.status).toBe(303);
		expect(plain?.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent(`/networks/${NETWORK}/members`)}`);
		const scripted = refuseVisitor(event('/networks/[id]/members', 'POST', 'application/json'));
		expect(await scripted?.json()).toMatchObject({ type: 'redirect', status: 303, location: plain?.headers.get('location') });
	});
});
