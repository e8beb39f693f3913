import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { unique } from './factories.ts';
import { browser, refusal, type CookieJar } from './auth-context.ts';
import { startFakeGoTrue, type FakeGoTrue } from './fake-gotrue.ts';
import { supabaseAuth } from '../../src/lib/server/auth/supabase.ts';
import type { AuthContext, AuthPort } from '../../src/lib/server/auth/types.ts';

// supabase.ts against a fake Supabase Auth (GoTrue) server: the real
// @supabase/ssr and auth-js clients, the real HTTP requests and cookies,
// only the server is a stand-in (see fake-gotrue.ts).

const PASSWORD = 'Una frase lunga, per la rete 2027';

const decodeJwt = (token: string) =>
	JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

describe('Supabase auth against a fake GoTrue server', () => {
	let fake: FakeGoTrue;
	let auth: AuthPort;
	/** supabase-js's default storage key: sb-<first label of the project host>-auth-token. */
	let sessionKey: string;

	beforeAll(async () => {
		fake = await startFakeGoTrue();
		auth = supabaseAuth({ url: fake.url, anonKey: fake.anonKey });
		sessionKey = `sb-${new URL(fake.url).hostname.split('.')[0]}-auth-token`;
	});
	afterAll(() => fake?.close());
	beforeEach(() => {
		fake.settings.confirmEmail = false;
	});

	/** The requests a block of code makes, as "METHOD /path". */
	const requestsDuring = async (fn: () => Promise<unknown>) => {
		const from = fake.requests.length;
		await fn();
		return fake.requests.slice(from);
	};
	const routes = (requests: FakeGoTrue['requests']) => requests.map((r) => `${r.method} ${r.path}`);

	/** The session cookie, or its chunks (name.0, name.1, …) when it is too long for one. */
	const sessionCookies = (jar: CookieJar) =>
		[...jar.cookies].filter(([name]) => name === sessionKey || new RegExp(`^${sessionKey}\\.\\d+$`).test(name));
	/** The session as @supabase/ssr stored it: "base64-" and the base64url of the JSON. */
	const storedSession = (jar: CookieJar) => {
		const cookies = sessionCookies(jar).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
		if (!cookies.length) return null;
		const value = cookies.map(([, cookie]) => cookie.value).join('');
		expect(value).toMatch(/^base64-/);
		return JSON.parse(Buffer.from(value.slice('base64-'.length), 'base64url').toString('utf8')) as {
			access_token: string;
			refresh_token: string;
			expires_at: number;
			user: { id: string; email: string };
		};
	};

	const signUp = (email: string, ctx: AuthContext = browser(), password = PASSWORD) =>
		auth.signUp({ email, password, displayName: 'Ada Rossi', organisation: 'Comune di Sora', locale: 'en' }, ctx);
	const newAccount = async () => {
		const email = `${unique('ada')}@trama.test`;
		const ctx = browser();
		const user = await signUp(email, ctx);
		return { ...user, email, ctx };
	};

	it('signs up: returns the user and keeps the Supabase session in httpOnly, Secure, path=/ cookies written through setAll', async () => {
		const ctx = browser({ secure: true });
		const email = `${unique('Ada.Rossi')}@Trama.TEST`;
		const requests = await requestsDuring(() => signUp(`  ${email} `, ctx));

		expect(routes(requests)).toEqual(['POST /signup']);
		const [signup] = requests;
		expect(signup.apikey).toBe(fake.anonKey);
		expect(signup.body).toMatchObject({
			email: email.toLowerCase(),
			password: PASSWORD,
			data: { display_name: 'Ada Rossi', organisation: 'Comune di Sora', locale: 'en' }
		});

		const account = fake.userByEmail(email)!;
		const issued = fake.issued.at(-1)!;
		expect(issued.user.id).toBe(account.id);

		// The session GoTrue issued is what the cookies hold.
		const session = storedSession(ctx.jar);
		expect(session).toMatchObject({ access_token: issued.access_token, refresh_token: issued.refresh_token });
		expect(session?.user.id).toBe(account.id);
		expect(decodeJwt(session!.access_token)).toMatchObject({ sub: account.id, email: email.toLowerCase() });

		// Every cookie Supabase writes (the session and its PKCE verifier) is out of scripts' reach and HTTPS-only.
		expect(sessionCookies(ctx.jar).length).toBeGreaterThan(0);
		for (const [, cookie] of ctx.jar.cookies) {
			expect(cookie.options).toMatchObject({ path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
			expect(cookie.options.maxAge).toBeGreaterThan(0);
		}
	});

	it('resolves the same user on a later request with those cookies, by asking GoTrue GET /user with the session’s Bearer token', async () => {
		const { id, email, ctx } = await newAccount();
		const accessToken = storedSession(ctx.jar)!.access_token;

		const later = browser({ jar: ctx.jar });
		let user: unknown;
		const requests = await requestsDuring(async () => {
			user = await auth.currentUser(later);
		});

		expect(user).toEqual({ id, email });
		expect(routes(requests)).toEqual(['GET /user']);
		expect(requests[0].authorization).toBe(`Bearer ${accessToken}`);
		expect(requests[0].status).toBe(200);
	});

	it('refuses a second sign-up with the same email in other capitals with email_taken (GoTrue 422 user_already_exists), starting no session', async () => {
		const { email } = await newAccount();
		const ctx = browser();
		let code: string | undefined;
		const requests = await requestsDuring(async () => {
			code = (await refusal(signUp(email.toUpperCase(), ctx))).code;
		});

		expect(code).toBe('email_taken');
		// auth-js asks for the 2024-01-01 API, so GoTrue answers { code, message } and auth-js puts the code on error.code.
		expect(requests[0].apiVersion).toBe('2024-01-01');
		expect(requests.map((r) => [r.path, r.status, r.response])).toEqual([
			['/signup', 422, { code: 'user_already_exists', message: 'User already registered' }]
		]);
		expect(storedSession(ctx.jar)).toBeNull();
	});

	it('refuses a repeated sign-up with email_taken when email confirmation is on and GoTrue answers 200 with a made-up user without identities', async () => {
		const { id, email } = await newAccount();
		fake.settings.confirmEmail = true;
		const ctx = browser();
		let code: string | undefined;
		const requests = await requestsDuring(async () => {
			code = (await refusal(signUp(email, ctx))).code;
		});

		expect(code).toBe('email_taken');
		expect(requests).toHaveLength(1);
		expect(requests[0].status).toBe(200);
		expect(requests[0].response).toMatchObject({ email, identities: [] });
		expect(requests[0].response).not.toMatchObject({ id });
		expect(storedSession(ctx.jar)).toBeNull();
	});

	it('returns the new user but starts no session when email confirmation is on and GoTrue only sends a confirmation mail', async () => {
		fake.settings.confirmEmail = true;
		const email = `${unique('conferma')}@trama.test`;
		const ctx = browser();
		const user = await signUp(email, ctx);

		expect(user).toEqual({ id: fake.userByEmail(email)!.id, email });
		expect(storedSession(ctx.jar)).toBeNull();
		expect(await auth.currentUser(browser({ jar: ctx.jar }))).toBeNull();
	});

	it('refuses a password GoTrue finds weak (422 weak_password) with weak_password', async () => {
		const email = `${unique('debole')}@trama.test`;
		const ctx = browser();
		const password = 'una frase lunga ma senza cifre';
		let code: string | undefined;
		const requests = await requestsDuring(async () => {
			code = (await refusal(signUp(email, ctx, password))).code;
		});

		expect(code).toBe('weak_password');
		expect(requests.map((r) => [r.path, r.status])).toEqual([['/signup', 422]]);
		expect(requests[0].response).toMatchObject({ code: 'weak_password', weak_password: { reasons: ['characters'] } });
		expect(fake.userByEmail(email)).toBeUndefined();
		expect(storedSession(ctx.jar)).toBeNull();
	});

	it('refuses a password that fails Trama’s own policy with weak_password before any request reaches GoTrue', async () => {
		const email = `${unique('annamaria')}@trama.test`;
		for (const password of ['corta1', 'password123', `${email.split('@')[0]}-2027`]) {
			const ctx = browser();
			let code: string | undefined;
			const requests = await requestsDuring(async () => {
				code = (await refusal(signUp(email, ctx, password))).code;
			});
			expect(code).toBe('weak_password');
			expect(requests).toEqual([]);
			expect(ctx.jar.cookies.size).toBe(0);
		}
	});

	it('refuses signing in before the address is confirmed with email_not_confirmed', async () => {
		fake.settings.confirmEmail = true;
		const email = `${unique('non.confermata')}@trama.test`;
		await signUp(email);
		expect((await refusal(auth.signIn({ email, password: PASSWORD }, browser()))).code).toBe('email_not_confirmed');
	});

	it('signs out of this browser only: the same person on another device stays signed in', async () => {
		const { id, email, ctx } = await newAccount();
		const laptop = browser();
		await auth.signIn({ email, password: PASSWORD }, laptop);

		const requests = await requestsDuring(() => auth.signOut(browser({ jar: ctx.jar })));
		expect(requests.map((r) => r.query.scope)).toEqual(['local']);
		expect(await auth.currentUser(browser({ jar: ctx.jar }))).toBeNull();
		expect(await auth.currentUser(browser({ jar: laptop.jar }))).toEqual({ id, email });
	});

	it('signs in with the right password, and refuses a wrong one or an unknown email with invalid_credentials (GoTrue 400)', async () => {
		const { id, email } = await newAccount();

		const wrong = browser();
		const refused = await requestsDuring(async () => {
			expect((await refusal(auth.signIn({ email, password: 'Non è la mia password 1' }, wrong))).code).toBe(
				'invalid_credentials'
			);
			const unknown = `${unique('nessuno')}@trama.test`;
			expect((await refusal(auth.signIn({ email: unknown, password: PASSWORD }, wrong))).code).toBe('invalid_credentials');
		});
		expect(refused.map((r) => [r.method, r.path, r.query.grant_type, r.status, r.response])).toEqual([
			['POST', '/token', 'password', 400, { code: 'invalid_credentials', message: 'Invalid login credentials' }],
			['POST', '/token', 'password', 400, { code: 'invalid_credentials', message: 'Invalid login credentials' }]
		]);
		expect(storedSession(wrong.jar)).toBeNull();

		// Over plain HTTP the cookies carry no Secure flag, or the browser would never send them back.
		const right = browser({ secure: false });
		expect(await auth.signIn({ email: ` ${email.toUpperCase()}`, password: PASSWORD }, right)).toEqual({ id, email });
		expect(storedSession(right.jar)?.access_token).toBe(fake.issued.at(-1)!.access_token);
		for (const [, cookie] of sessionCookies(right.jar)) {
			expect(cookie.options).toMatchObject({ path: '/', httpOnly: true, secure: false });
		}
		expect(await auth.currentUser(browser({ jar: right.jar }))).toEqual({ id, email });
	});

	it('maps GoTrue’s 429 rate limits to rate_limited with a wait in seconds, for sign-in and sign-up alike', async () => {
		const { email } = await newAccount();

		fake.rateLimitNext('/token');
		const ctx = browser();
		const signIn = await refusal(auth.signIn({ email, password: PASSWORD }, ctx));
		expect(signIn.code).toBe('rate_limited');
		expect(signIn.retryAfterSeconds).toBeGreaterThan(0);
		expect(fake.requests.at(-1)).toMatchObject({ path: '/token', status: 429, response: { code: 'over_request_rate_limit' } });
		expect(storedSession(ctx.jar)).toBeNull();

		fake.rateLimitNext('/signup', 'over_email_send_rate_limit');
		const signUpRefusal = await refusal(signUp(`${unique('troppi')}@trama.test`));
		expect(signUpRefusal.code).toBe('rate_limited');
		expect(signUpRefusal.retryAfterSeconds).toBeGreaterThan(0);
		expect(fake.requests.at(-1)).toMatchObject({ path: '/signup', status: 429 });
	});

	it('signs out: calls POST /logout with the session’s token and clears the session cookies, so the next request resolves no one', async () => {
		const { ctx } = await newAccount();
		const session = storedSession(ctx.jar)!;
		const sessionId = decodeJwt(session.access_token).session_id as string;
		expect(fake.sessions.has(sessionId)).toBe(true);

		const requests = await requestsDuring(() => auth.signOut(browser({ jar: ctx.jar })));
		expect(routes(requests)).toEqual(['POST /logout']);
		expect(requests[0].authorization).toBe(`Bearer ${session.access_token}`);
		expect(requests[0].status).toBe(204);
		expect(fake.sessions.has(sessionId)).toBe(false);

		expect(sessionCookies(ctx.jar)).toEqual([]);
		expect(ctx.jar.deleted.some((name) => name.startsWith(sessionKey))).toBe(true);
		let user: unknown = 'not asked';
		const after = await requestsDuring(async () => {
			user = await auth.currentUser(browser({ jar: ctx.jar }));
		});
		expect(user).toBeNull();
		expect(after).toEqual([]);
	});

	it('resolves no one from a copy of the cookies kept from before sign-out: GoTrue answers 403 session_not_found and the copy is cleared', async () => {
		const { ctx } = await newAccount();
		const copy = browser();
		for (const [name, cookie] of ctx.jar.cookies) copy.jar.set(name, cookie.value, cookie.options);
		await auth.signOut(ctx);

		let user: unknown = 'not asked';
		const requests = await requestsDuring(async () => {
			user = await auth.currentUser(copy);
		});
		expect(user).toBeNull();
		expect(requests.map((r) => [r.path, r.status, (r.response as { code?: string })?.code])).toEqual([
			['/user', 403, 'session_not_found']
		]);
		expect(sessionCookies(copy.jar)).toEqual([]);
	});

	it('resolves no one from a browser without cookies, without asking GoTrue; signing out there asks nothing either', async () => {
		const ctx = browser();
		let user: unknown = 'not asked';
		const requests = await requestsDuring(async () => {
			user = await auth.currentUser(ctx);
			await auth.signOut(ctx);
		});
		expect(user).toBeNull();
		expect(requests).toEqual([]);
		expect(ctx.jar.cookies.size).toBe(0);
	});

	it('resolves no one from a forged session cookie: GoTrue refuses a token it did not sign (403 bad_jwt)', async () => {
		const { id, email } = await newAccount();
		const now = Math.floor(Date.now() / 1000);
		const forgedToken = fake.sign(
			{ sub: id, email, role: 'authenticated', aud: 'authenticated', exp: now + 3600, session_id: 'x' },
			'not-the-server-secret'
		);
		const forged = browser();
		const session = {
			access_token: forgedToken,
			refresh_token: 'x',
			expires_in: 3600,
			expires_at: now + 3600,
			token_type: 'bearer',
			user: { id, email }
		};
		forged.jar.set(sessionKey, `base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`, { path: '/' });

		let user: unknown = 'not asked';
		const requests = await requestsDuring(async () => {
			user = await auth.currentUser(forged);
		});
		expect(user).toBeNull();
		expect(requests.map((r) => [r.path, r.status, (r.response as { code?: string })?.code])).toEqual([
			['/user', 403, 'bad_jwt']
		]);
	});
});
