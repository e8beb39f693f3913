import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/types.ts';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';
import { passwordProblem } from './password-policy.ts';
import { SIGN_IN_WINDOW_SECONDS, signInAllowed, type FailureCounts } from './sign-in-limit.ts';
import { AuthError, type AuthContext, type AuthPort, type SessionUser } from './types.ts';

export const SESSION_COOKIE = 'trama_session';
const SESSION_DAYS = 30;
// Sliding expiry is written at most this often, not on every request.
const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

// Session tokens, and the addresses typed in failed sign-ins, are kept only as hashes.
const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Email and password accounts kept in the app's own database (auth.users of
 * the shim, trama_auth.*). This is one of the few modules that use the
 * service connection: auth happens before there is a person to act as.
 */
export function embeddedAuth(db: Database): AuthPort {
	async function startSession(userId: string, ctx: AuthContext) {
		const token = randomBytes(32).toString('base64url');
		await db.query('delete from trama_auth.sessions where user_id = $1 and expires_at <= now()', [userId]);
		await db.query(
			`insert into trama_auth.sessions (token_hash, user_id, expires_at, user_agent)
			 values ($1, $2, now() + make_interval(days => $3), $4)`,
			[sha256(token), userId, SESSION_DAYS, ctx.userAgent.slice(0, 300)]
		);
		ctx.cookies.set(SESSION_COOKIE, token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: ctx.secure,
			maxAge: SESSION_DAYS * 24 * 60 * 60
		});
	}

	async function failureCounts(email: string, address: string): Promise<FailureCounts> {
		const { rows } = await db.query<{
			account_address: number;
			account: number;
			address: number;
			wait_account_address: number;
			wait_account: number;
			wait_address: number;
		}>(
			`select
			   count(*) filter (where account = $1 and address = $2)::int as account_address,
			   count(*) filter (where account = $1)::int as account,
			   count(*) filter (where address = $2)::int as address,
			   coalesce(extract(epoch from min(at) filter (where account = $1 and address = $2)
			     + make_interval(secs => $3) - now()), 0)::float8 as wait_account_address,
			   coalesce(extract(epoch from min(at) filter (where account = $1)
			     + make_interval(secs => $3) - now()), 0)::float8 as wait_account,
			   coalesce(extract(epoch from min(at) filter (where address = $2)
			     + make_interval(secs => $3) - now()), 0)::float8 as wait_address
			 from trama_auth.sign_in_failures
			 where (account = $1 or address = $2) and at > now() - make_interval(secs => $3)`,
			[sha256(email), address, SIGN_IN_WINDOW_SECONDS]
		);
		const r = rows[0];
		return {
			accountAddress: r.account_address,
			account: r.account,
			address: r.address,
			secondsUntilOldestExpires: {
				accountAddress: r.wait_account_address,
				account: r.wait_account,
				address: r.wait_address
			}
		};
	}

	return {
		kind: 'embedded',

		async signUp(input, ctx) {
			const email = input.email.trim().toLowerCase();
			if (passwordProblem({ password: input.password, email })) throw new AuthError('weak_password');
			const hash = await hashPassword(input.password);
			const { rows } = await db.query<{ id: string }>(
				`insert into auth.users (email, encrypted_password, raw_user_meta_data)
				 values ($1, $2, $3) on conflict (email) do nothing returning id`,
				[
					email,
					hash,
					JSON.stringify({
						display_name: input.displayName,
						organisation: input.organisation,
						locale: input.locale
					})
				]
			);
			if (rows.length === 0) throw new AuthError('email_taken');
			await startSession(rows[0].id, ctx);
			return { id: rows[0].id, email };
		},

		async signIn(input, ctx) {
			const email = input.email.trim().toLowerCase();
			const verdict = signInAllowed(await failureCounts(email, ctx.address));
			if (!verdict.allowed) throw new AuthError('rate_limited', verdict.retryAfterSeconds);

			const { rows } = await db.query<{ id: string; encrypted_password: string | null }>(
				'select id, encrypted_password from auth.users where email = $1',
				[email]
			);
			const user = rows[0];
			const ok = await verifyPassword(input.password, user?.encrypted_password ?? decoyHash);
			if (!user || !ok) {
				await db.query('insert into trama_auth.sign_in_failures (account, address) values ($1, $2)', [
					sha256(email),
					ctx.address
				]);
				// Failures older than the window count for nothing; keep the table small.
				await db.query('delete from trama_auth.sign_in_failures where at <= now() - make_interval(secs => $1)', [
					SIGN_IN_WINDOW_SECONDS
				]);
				throw new AuthError('invalid_credentials');
			}
			await db.query('delete from trama_auth.sign_in_failures where account = $1 and address = $2', [
				sha256(email),
				ctx.address
			]);
			await db.query('update auth.users set last_sign_in_at = now() where id = $1', [user.id]);
			await startSession(user.id, ctx);
			return { id: user.id, email };
		},

		async signOut(ctx) {
			const token = ctx.cookies.get(SESSION_COOKIE);
			if (token) await db.query('delete from trama_auth.sessions where token_hash = $1', [sha256(token)]);
			ctx.cookies.delete(SESSION_COOKIE, { path: '/', secure: ctx.secure });
		},

		async currentUser(ctx): Promise<SessionUser | null> {
			const token = ctx.cookies.get(SESSION_COOKIE);
			if (!token) return null;
			const hash = sha256(token);
			const { rows } = await db.query<{ id: string; email: string; last_seen_at: Date }>(
				`select u.id, u.email, s.last_seen_at
				 from trama_auth.sessions s join auth.users u on u.id = s.user_id
				 where s.token_hash = $1 and s.expires_at > now()`,
				[hash],
				{ prepare: true }
			);
			if (rows.length === 0) {
				ctx.cookies.delete(SESSION_COOKIE, { path: '/', secure: ctx.secure });
				return null;
			}
			if (Date.now() - new Date(rows[0].last_seen_at).getTime() > REFRESH_AFTER_MS) {
				await db.query(
					`update trama_auth.sessions
					 set last_seen_at = now(), expires_at = now() + make_interval(days => $2)
					 where token_hash = $1`,
					[hash, SESSION_DAYS]
				);
			}
			return { id: rows[0].id, email: rows[0].email };
		}
	};
}
