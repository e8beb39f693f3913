// Who the sweep sends its requests as. Everyone signs in before the sweep
// starts: the login form limits failed attempts per address, and the sweep
// makes many from this one.
import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from '../../src/lib/server/auth/embedded.ts';
import { DEMO } from './database.ts';
import { urlencoded } from './corpus.ts';
import { isAnswer, send, setCookies } from './http.ts';

export const IDENTITIES = ['anonymous', 'outsider', 'viewer'] as const;
export type IdentityName = (typeof IDENTITIES)[number];

export interface Session {
	email: string;
	password: string;
	/** The Cookie header that carries the session. */
	cookie: string;
	/** The session cookie's value, which must never reach the log. */
	tokens: string[];
}

async function postForm(origin: URL, path: string, fields: Record<string, string>): Promise<string[]> {
	const reply = await send(origin, {
		method: 'POST',
		path,
		headers: { origin: origin.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: urlencoded(Object.entries(fields).map(([name, value]) => ({ name, value: [value] }))),
		timeoutMs: 30_000
	});
	if (!isAnswer(reply) || reply.status !== 303) {
		throw new Error(`${path} did not sign in: ${isAnswer(reply) ? `${reply.status} ${reply.body.toString('utf8').slice(0, 300)}` : reply.error}`);
	}
	const cookies = setCookies(reply);
	if (cookies.length === 0) throw new Error(`${path} answered 303 without a session cookie`);
	return cookies;
}

const session = (email: string, password: string, cookies: string[]): Session => ({
	email,
	password,
	cookie: cookies.join('; '),
	// The others (the language, "it") are no secret.
	tokens: cookies.filter((pair) => pair.startsWith(`${SESSION_COOKIE}=`)).map((pair) => pair.slice(SESSION_COOKIE.length + 1))
});

export async function signIn(origin: URL, email: string, password = DEMO.password): Promise<Session> {
	return session(email, password, await postForm(origin, '/login', { email, password }));
}

/** A new account of nobody in the demo network: signed up through the form, which signs it in. */
export async function signUpOutsider(origin: URL): Promise<Session> {
	const email = `outsider.${randomBytes(4).toString('hex')}@example.test`;
	const password = `Outsider-${randomBytes(6).toString('hex')}`;
	const cookies = await postForm(origin, '/signup', {
		displayName: 'Ottavio Esterno',
		organisation: 'Nessuna rete',
		email,
		password,
		locale: 'it'
	});
	return session(email, password, cookies);
}
