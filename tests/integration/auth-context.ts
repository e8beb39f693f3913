import type { Cookies } from '@sveltejs/kit';
import { expect } from 'vitest';
import { AuthError, type AuthContext } from '../../src/lib/server/auth/types.ts';

// What every AuthPort test needs: a browser's cookie jar behind SvelteKit's
// Cookies interface, a request context around it, and the AuthError a call
// is refused with.

export type CookieOptions = Parameters<Cookies['set']>[2];

/** What a browser would keep between requests, behind SvelteKit's Cookies interface. */
export class CookieJar implements Cookies {
	readonly cookies = new Map<string, { value: string; options: CookieOptions }>();
	readonly deleted: string[] = [];

	get(name: string) {
		return this.cookies.get(name)?.value;
	}
	getAll() {
		return [...this.cookies].map(([name, { value }]) => ({ name, value }));
	}
	set(name: string, value: string, options: CookieOptions) {
		// A Set-Cookie with Max-Age=0 is how a server removes a cookie: the browser drops it.
		if (options.maxAge !== undefined && options.maxAge <= 0) return this.delete(name);
		this.cookies.set(name, { value, options });
	}
	delete(name: string) {
		this.cookies.delete(name);
		this.deleted.push(name);
	}
	serialize(name: string, value: string) {
		return `${name}=${encodeURIComponent(value)}`;
	}
}

let addressCounter = 0;
/** A fresh context: a new browser, from a new address unless one is given. */
export function browser(
	options: { address?: string; secure?: boolean; jar?: CookieJar } = {}
): AuthContext & { jar: CookieJar } {
	const jar = options.jar ?? new CookieJar();
	return {
		jar,
		cookies: jar,
		address: options.address ?? `198.51.100.${++addressCounter}`,
		userAgent: 'Mozilla/5.0 (vitest)',
		secure: options.secure ?? false
	};
}

/** The AuthError a promise rejects with; fails the test if it resolves or throws something else. */
export async function refusal(promise: Promise<unknown>): Promise<AuthError> {
	const thrown = await promise.then(
		() => {
			throw new Error('expected an AuthError, but the call succeeded');
		},
		(error: unknown) => error
	);
	expect(thrown).toBeInstanceOf(AuthError);
	return thrown as AuthError;
}
