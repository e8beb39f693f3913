// Who sent a request that reaches a plain Node handler rather than
// SvelteKit (the collab socket's upgrade, the file endpoints): the session
// from its cookies, and whether a browser sent it from one of our pages.
import type { IncomingMessage } from 'node:http';
import type { Cookies } from '@sveltejs/kit';
import type { AuthPort, SessionUser } from './types.ts';

/**
 * A socket or a POST from another site's page would carry this person's
 * cookies: browsers always send Origin on WebSocket handshakes and on
 * cross-site POSTs, so when present it must name this server.
 */
export function sameOrigin(request: IncomingMessage): boolean {
	const origin = request.headers.origin;
	if (!origin) return true;
	try {
		return new URL(origin).host === request.headers.host;
	} catch {
		return false;
	}
}

/** The person whose session cookie the request carries, if any. */
export function authenticate(request: IncomingMessage, auth: AuthPort): Promise<SessionUser | null> {
	return auth.currentUser({
		cookies: readOnlyCookies(request.headers.cookie ?? ''),
		address: request.socket.remoteAddress ?? '',
		userAgent: request.headers['user-agent'] ?? '',
		secure: 'encrypted' in request.socket && Boolean(request.socket.encrypted)
	});
}

// These requests cannot answer with cookies: a provider that would refresh
// a session does so on the next page request instead.
export function readOnlyCookies(header: string): Cookies {
	const jar = new Map<string, string>();
	for (const pair of header.split(';')) {
		const at = pair.indexOf('=');
		if (at < 0) continue;
		const name = pair.slice(0, at).trim();
		if (!jar.has(name)) jar.set(name, safeDecode(pair.slice(at + 1).trim()));
	}
	return {
		get: (name) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: () => {},
		delete: () => {},
		serialize: () => ''
	};
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
