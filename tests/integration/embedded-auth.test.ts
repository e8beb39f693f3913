import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { unique } from './factories.ts';
import { browser, refusal } from './auth-context.ts';
import { SESSION_COOKIE, embeddedAuth } from '../../src/lib/server/auth/embedded.ts';
import type { AuthPort } from '../../src/lib/server/auth/types.ts';
import { LIMITS, SIGN_IN_WINDOW_SECONDS } from '../../src/lib/server/auth/sign-in-limit.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

const PASSWORD = 'Una frase lunga, per la rete 2027';

const sha256 = (token: string) => createHash('sha256').update(token).digest();

describe.each(backends)('embedded auth on $name', (backend) => {
	let db: Database;
	let auth: AuthPort;
	beforeAll(async () => {
		db = await backend.fresh();
		auth = embeddedAuth(db);
	});
	afterAll(() => db?.close());

	const count = async (sql: string, params: unknown[] = []) =>
		Number((await db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params)).rows[0].n);
	const signUp = (email: string, ctx = browser(), password = PASSWORD) =>
		auth.signUp({ email, password, displayName: 'Ada Rossi', organisation: 'Comune di Sora', locale: 'en' }, ctx);
	const newAccount = async () => {
		const email = `${unique('ada')}@trama.test`;
		const user = await signUp(email);
		return { ...user, email };
	};

	it('signs up: creates the account and its profile and starts a session in an httpOnly SameSite=lax cookie', async () => {
		const ctx = browser({ secure: true });
		const email = `${unique('Ada.Rossi')}@Trama.TEST`;
		const user = await signUp(`  ${email} `, ctx);

		expect(user.email).toBe(email.toLowerCase());
		const account = await db.query<{ email: string; encrypted_password: string }>(
			'select email, encrypted_password from auth.users where id = $1',
			[user.id]
		);
		expect(account.rows[0].email).toBe(email.toLowerCase());
		expect(account.rows[0].encrypted_password).toMatch(/^scrypt\$/);
		const profile = await db.query('select display_name, organisation, locale from public.profiles where id = $1', [user.id]);
		expect(profile.rows).toEqual([{ display_name: 'Ada Rossi', organisation: 'Comune di Sora', locale: 'en' }]);

		const cookie = ctx.jar.cookies.get(SESSION_COOKIE);
		expect(cookie?.options).toMatchObject({ path: '/', httpOnly: true, sameSite: 'lax', secure: true });
		expect(cookie?.options.maxAge).toBeGreaterThan(0);
		// Only the token's hash is stored.
		expect(await count('trama_auth.sessions where token_hash = $1 and user_id = $2', [sha256(cookie!.value), user.id])).toBe(1);
		expect(await auth.currentUser(ctx)).toEqual({ id: user.id, email: email.toLowerCase() });
	});

	it('refuses a second sign-up with the same email in other capitals, with email_taken, writing nothing', async () => {
		const { email } = await newAccount();
		const [users, sessions] = [await count('auth.users'), await count('trama_auth.sessions')];
		const ctx = browser();
		const error = await refusal(signUp(email.toUpperCase(), ctx));
		expect(error.code).toBe('email_taken');
		expect(await count('auth.users')).toBe(users);
		expect(await count('public.profiles')).toBe(users);
		expect(await count('trama_auth.sessions')).toBe(sessions);
		expect(ctx.jar.cookies.size).toBe(0);
	});

	it('refuses a weak password, with weak_password, and creates no account', async () => {
		const email = `${unique('debole')}@trama.test`;
		const ctx = browser();
		const error = await refusal(signUp(email, ctx, 'password123'));
		expect(error.code).toBe('weak_password');
		expect(await count('auth.users where email = $1', [email])).toBe(0);
		expect(ctx.jar.cookies.size).toBe(0);
	});

	it('signs in with the right password and refuses a wrong one with invalid_credentials', async () => {
		const { id, email } = await newAccount();
		const wrong = browser();
		expect((await refusal(auth.signIn({ email, password: 'Non è la mia password' }, wrong))).code).toBe(
			'invalid_credentials'
		);
		expect(wrong.jar.cookies.size).toBe(0);

		const right = browser();
		expect(await auth.signIn({ email: email.toUpperCase(), password: PASSWORD }, right)).toEqual({ id, email });
		expect(await auth.currentUser(right)).toEqual({ id, email });
	});

	it('answers an unknown email exactly as a wrong password, with invalid_credentials', async () => {
		const error = await refusal(auth.signIn({ email: `${unique('nessuno')}@trama.test`, password: PASSWORD }, browser()));
		expect(error.code).toBe('invalid_credentials');
	});

	it(`blocks an account from an address after ${LIMITS.accountAddress} failures, even with the right password, but not from another address`, async () => {
		const { id, email } = await newAccount();
		const attacker = browser();
		for (let i = 0; i < LIMITS.accountAddress; i++) {
			expect((await refusal(auth.signIn({ email, password: `sbagliata-${i}-xxxx` }, attacker))).code).toBe(
				'invalid_credentials'
			);
		}
		const blocked = await refusal(auth.signIn({ email, password: PASSWORD }, attacker));
		expect(blocked.code).toBe('rate_limited');
		expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
		expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_WINDOW_SECONDS);
		expect(attacker.jar.cookies.size).toBe(0);

		const owner = browser();
		expect(await auth.signIn({ email, password: PASSWORD }, owner)).toEqual({ id, email });
	});

	it('tells a blocked person when its own block ends, not when an older failure of another account from that address expires', async () => {
		const { email } = await newAccount();
		const office = browser();
		await db.query(
			`insert into trama_auth.sign_in_failures (account, address, at) values (sha256(convert_to($1, 'UTF8')), $2, now() - interval '10 minutes')`,
			[`${unique('collega')}@trama.test`, office.address]
		);
		for (let i = 0; i < LIMITS.accountAddress; i++) await refusal(auth.signIn({ email, password: 'sbagliata ancora' }, office));
		const blocked = await refusal(auth.signIn({ email, password: PASSWORD }, office));
		expect(blocked.code).toBe('rate_limited');
		// The five failures that block this account are seconds old: the wait is nearly the whole window.
		expect(blocked.retryAfterSeconds).toBeGreaterThan(SIGN_IN_WINDOW_SECONDS - 60);
	});

	it('keeps of a failed sign-in neither the address typed nor anything else typed', async () => {
		const typed = `${unique('refuso')}@trama.test`;
		await refusal(auth.signIn({ email: typed, password: 'sbagliata' }, browser()));
		const { rows } = await db.query<{ row: string }>(`select row_to_json(f)::text as row from trama_auth.sign_in_failures f`);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.map((r) => r.row).join('\n')).not.toContain(typed.split('@')[0]);
	});

	it('forgets the failures of an account from an address once it signs in there', async () => {
		const { email } = await newAccount();
		const ctx = browser();
		const fail = async () =>
			expect((await refusal(auth.signIn({ email, password: 'ancora sbagliata' }, ctx))).code).toBe(
				'invalid_credentials'
			);
		for (let i = 0; i < LIMITS.accountAddress - 1; i++) await fail();
		await auth.signIn({ email, password: PASSWORD }, ctx);
		for (let i = 0; i < LIMITS.accountAddress - 1; i++) await fail();
		// Eight failures in the window, but never five in a row: still allowed.
		expect((await auth.signIn({ email, password: PASSWORD }, ctx)).email).toBe(email);
	});

	it('signs out: deletes the session and the cookie, so the old token no longer resolves', async () => {
		const { email } = await newAccount();
		const ctx = browser();
		await auth.signIn({ email, password: PASSWORD }, ctx);
		const token = ctx.jar.get(SESSION_COOKIE)!;
		expect(await count('trama_auth.sessions where token_hash = $1', [sha256(token)])).toBe(1);

		await auth.signOut(ctx);
		expect(ctx.jar.get(SESSION_COOKIE)).toBeUndefined();
		expect(ctx.jar.deleted).toContain(SESSION_COOKIE);
		expect(await count('trama_auth.sessions where token_hash = $1', [sha256(token)])).toBe(0);

		// Someone who kept a copy of the cookie gets nothing for it.
		const replay = browser();
		replay.jar.set(SESSION_COOKIE, token, { path: '/' });
		expect(await auth.currentUser(replay)).toBeNull();
		expect(replay.jar.get(SESSION_COOKIE)).toBeUndefined();
	});

	it('ends an expired session and clears its cookie', async () => {
		const { email } = await newAccount();
		const ctx = browser();
		await auth.signIn({ email, password: PASSWORD }, ctx);
		await db.query(`update trama_auth.sessions set expires_at = now() - interval '1 second' where token_hash = $1`, [
			sha256(ctx.jar.get(SESSION_COOKIE)!)
		]);
		expect(await auth.currentUser(ctx)).toBeNull();
		expect(ctx.jar.get(SESSION_COOKIE)).toBeUndefined();
	});

	it('resolves no one from a browser without a session cookie, or with a made-up one', async () => {
		expect(await auth.currentUser(browser())).toBeNull();
		const forged = browser();
		forged.jar.set(SESSION_COOKIE, 'not-a-real-token', { path: '/' });
		expect(await auth.currentUser(forged)).toBeNull();
	});
});
