import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Supabase Auth (GoTrue) on a loopback port of its own, with
 * the four endpoints supabase.ts reaches through @supabase/ssr:
 * POST /auth/v1/signup, POST /auth/v1/token?grant_type=password,
 * GET /auth/v1/user and POST /auth/v1/logout. Bodies, status codes and error
 * shapes follow supabase/auth (internal/api: signup.go, token.go, auth.go,
 * logout.go, errors.go), including its API versioning: a request that sends
 * `X-Supabase-Api-Version: 2024-01-01` (auth-js always does) gets errors as
 * `{ code, message }` with that header echoed, which is what makes auth-js
 * put the code on `error.code`; older clients get `{ code: <status>,
 * error_code, msg }`.
 */

const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION_2024 = '2024-01-01';

export interface SeenRequest {
	method: string;
	/** Path under /auth/v1, e.g. '/token'. */
	path: string;
	query: Record<string, string>;
	authorization: string | undefined;
	apikey: string | undefined;
	apiVersion: string | undefined;
	body: Record<string, unknown> | undefined;
	/** What the fake answered. */
	status: number;
	response: unknown;
}

interface StoredUser {
	id: string;
	email: string;
	password: string;
	userMetadata: Record<string, unknown>;
	identityId: string;
	createdAt: string;
	confirmedAt: string | null;
	lastSignInAt: string | null;
}

interface TokenResponse {
	access_token: string;
	token_type: 'bearer';
	expires_in: number;
	expires_at: number;
	refresh_token: string;
	user: Record<string, unknown>;
}

export interface FakeGoTrue {
	/** The Supabase project URL (auth lives under /auth/v1). */
	url: string;
	anonKey: string;
	/** Every request that reached the server, oldest first. */
	requests: SeenRequest[];
	/** Sessions GoTrue still knows, by session id. */
	sessions: Map<string, { userId: string }>;
	/** Every session handed out by signup or token, oldest first. */
	issued: TokenResponse[];
	settings: {
		/** "Confirm email" in the Supabase dashboard: off means mailer autoconfirm. */
		confirmEmail: boolean;
		/** GOTRUE_PASSWORD_MIN_LENGTH. */
		passwordMinLength: number;
		/** GOTRUE_PASSWORD_REQUIRED_CHARACTERS, as sets of which a password needs one of each. */
		passwordRequiredCharacters: string[];
		/** Passwords the leaked-password check (HaveIBeenPwned) rejects. */
		pwned: Set<string>;
	};
	userByEmail(email: string): { id: string; email: string } | undefined;
	/** The next request to `path` is refused with 429, as GoTrue's rate limiters do. */
	rateLimitNext(path: '/signup' | '/token', code?: 'over_request_rate_limit' | 'over_email_send_rate_limit'): void;
	/** Signs a token with the server's secret, for tests that forge or replay one. */
	sign(claims: Record<string, unknown>, secret?: string): string;
	close(): Promise<void>;
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function signJwt(claims: Record<string, unknown>, secret: string): string {
	const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
	const payload = base64url(JSON.stringify(claims));
	const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
	return `${header}.${payload}.${signature}`;
}

/** The claims of an HS256 token signed with `secret`, or why not. */
function verifyJwt(token: string, secret: string): Record<string, unknown> | string {
	const parts = token.split('.');
	if (parts.length !== 3) return 'token is malformed: token contains an invalid number of segments';
	const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
	const given = Buffer.from(parts[2], 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return 'token signature is invalid: signature is invalid';
	}
	const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
	if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
		return 'token has invalid claims: token is expired';
	}
	return claims;
}

class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly extra: Record<string, unknown> = {}
	) {
		super(message);
	}
}

export async function startFakeGoTrue(): Promise<FakeGoTrue> {
	const jwtSecret = randomBytes(32).toString('hex');
	const now = () => Math.floor(Date.now() / 1000);
	const anonKey = signJwt({ iss: 'supabase-demo', role: 'anon', exp: now() + 10 * 365 * 24 * 60 * 60 }, jwtSecret);

	const users = new Map<string, StoredUser>(); // by email
	const sessions = new Map<string, { userId: string }>();
	const issued: TokenResponse[] = [];
	const requests: SeenRequest[] = [];
	const rateLimited = new Map<string, string>();
	const settings: FakeGoTrue['settings'] = {
		confirmEmail: false,
		passwordMinLength: 6,
		passwordRequiredCharacters: ['0123456789'],
		pwned: new Set()
	};
	let url = '';

	/** GoTrue's user JSON (models.User). */
	const userJson = (user: StoredUser, identities = true) => ({
		id: user.id,
		aud: 'authenticated',
		role: 'authenticated',
		email: user.email,
		...(user.confirmedAt ? { email_confirmed_at: user.confirmedAt } : {}),
		phone: '',
		...(user.confirmedAt ? { confirmed_at: user.confirmedAt } : { confirmation_sent_at: user.createdAt }),
		...(user.lastSignInAt ? { last_sign_in_at: user.lastSignInAt } : {}),
		app_metadata: { provider: 'email', providers: ['email'] },
		user_metadata: {
			...user.userMetadata,
			email: user.email,
			email_verified: user.confirmedAt !== null,
			phone_verified: false,
			sub: user.id
		},
		identities: identities
			? [
					{
						identity_id: user.identityId,
						id: user.id,
						user_id: user.id,
						identity_data: {
							...user.userMetadata,
							email: user.email,
							email_verified: user.confirmedAt !== null,
							phone_verified: false,
							sub: user.id
						},
						provider: 'email',
						last_sign_in_at: user.createdAt,
						created_at: user.createdAt,
						updated_at: user.createdAt,
						email: user.email
					}
				]
			: [],
		created_at: user.createdAt,
		updated_at: new Date().toISOString(),
		is_anonymous: false
	});

	/** issueRefreshToken: a new session, its access token and a refresh token. */
	const issueSession = (user: StoredUser): TokenResponse => {
		const sessionId = randomUUID();
		sessions.set(sessionId, { userId: user.id });
		user.lastSignInAt = new Date().toISOString();
		const iat = now();
		const expiresIn = 3600;
		const accessToken = signJwt(
			{
				iss: `${url}/auth/v1`,
				sub: user.id,
				aud: 'authenticated',
				exp: iat + expiresIn,
				iat,
				email: user.email,
				phone: '',
				app_metadata: { provider: 'email', providers: ['email'] },
				user_metadata: { ...user.userMetadata, email: user.email, email_verified: true, phone_verified: false, sub: user.id },
				role: 'authenticated',
				aal: 'aal1',
				amr: [{ method: 'password', timestamp: iat }],
				session_id: sessionId,
				is_anonymous: false
			},
			jwtSecret
		);
		const response: TokenResponse = {
			access_token: accessToken,
			token_type: 'bearer',
			expires_in: expiresIn,
			expires_at: iat + expiresIn,
			refresh_token: randomBytes(9).toString('base64url'),
			user: userJson(user)
		};
		issued.push(response);
		return response;
	};

	/** requireAuthentication: the bearer token, its claims, its user and its session. */
	const authenticate = (authorization: string | undefined) => {
		const bearer = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
		if (!bearer) throw new HttpError(401, 'no_authorization', 'This endpoint requires a Bearer token');
		const claims = verifyJwt(bearer, jwtSecret);
		if (typeof claims === 'string') {
			throw new HttpError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${claims}`);
		}
		if (typeof claims.sub !== 'string' || !claims.sub) throw new HttpError(403, 'bad_jwt', 'invalid claim: missing sub claim');
		const user = [...users.values()].find((candidate) => candidate.id === claims.sub);
		if (!user) throw new HttpError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
		const sessionId = String(claims.session_id ?? '');
		if (!sessions.has(sessionId)) {
			throw new HttpError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
		}
		return { user, sessionId };
	};

	const checkPassword = (password: string) => {
		if (!password) throw new HttpError(422, 'validation_failed', 'Signup requires a valid password');
		const reasons: string[] = [];
		let message = '';
		if (password.length < settings.passwordMinLength) {
			reasons.push('length');
			message = `Password should be at least ${settings.passwordMinLength} characters.`;
		}
		if (settings.passwordRequiredCharacters.some((set) => ![...password].some((c) => set.includes(c)))) {
			reasons.push('characters');
			message ||= `Password should contain at least one character of each: ${settings.passwordRequiredCharacters.join(', ')}.`;
		}
		if (!reasons.length && settings.pwned.has(password)) {
			reasons.push('pwned');
			message = 'Password is known to be weak and easy to guess, please choose a different one.';
		}
		if (reasons.length) throw new HttpError(422, 'weak_password', message, { weak_password: { reasons } });
	};

	const routes: Record<string, (request: Omit<SeenRequest, 'status' | 'response'>) => [number, unknown]> = {
		'POST /signup': ({ body }) => {
			const email = String(body?.email ?? '').trim().toLowerCase();
			const password = String(body?.password ?? '');
			checkPassword(password);
			if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
				throw new HttpError(400, 'email_address_invalid', `Email address "${email}" is invalid`);
			}
			const existing = users.get(email);
			if (existing?.confirmedAt) {
				if (!settings.confirmEmail) throw new HttpError(422, 'user_already_exists', 'User already registered');
				// sanitizeUser: a made-up id and no identities, so the answer does not reveal the account.
				const data = (body?.data ?? {}) as Record<string, unknown>;
				return [200, { ...userJson({ ...existing, id: randomUUID(), userMetadata: data, confirmedAt: null }, false) }];
			}
			const user: StoredUser = existing ?? {
				id: randomUUID(),
				email,
				password,
				userMetadata: (body?.data ?? {}) as Record<string, unknown>,
				identityId: randomUUID(),
				createdAt: new Date().toISOString(),
				confirmedAt: null,
				lastSignInAt: null
			};
			users.set(email, user);
			if (settings.confirmEmail) return [200, userJson(user)]; // a confirmation mail went out; no session yet
			user.confirmedAt = new Date().toISOString();
			return [200, issueSession(user)];
		},

		'POST /token': ({ query, body }) => {
			if (query.grant_type !== 'password') throw new HttpError(400, 'validation_failed', 'unsupported_grant_type');
			const email = String(body?.email ?? '').trim().toLowerCase();
			const user = users.get(email);
			if (!user || user.password !== String(body?.password ?? '')) {
				throw new HttpError(400, 'invalid_credentials', 'Invalid login credentials');
			}
			if (!user.confirmedAt) throw new HttpError(400, 'email_not_confirmed', 'Email not confirmed');
			return [200, issueSession(user)];
		},

		'GET /user': ({ authorization }) => [200, userJson(authenticate(authorization).user)],

		'POST /logout': ({ authorization, query }) => {
			const { user, sessionId } = authenticate(authorization);
			const scope = query.scope ?? 'global';
			for (const [id, session] of sessions) {
				if (session.userId !== user.id) continue;
				if (scope === 'global' || (scope === 'local' && id === sessionId) || (scope === 'others' && id !== sessionId)) {
					sessions.delete(id);
				}
			}
			return [204, undefined];
		}
	};

	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		const target = new URL(req.url ?? '/', url);
		const apiVersion = req.headers[API_VERSION_HEADER] as string | undefined;
		const seen: SeenRequest = {
			method: req.method ?? 'GET',
			path: target.pathname.replace(/^\/auth\/v1/, ''),
			query: Object.fromEntries(target.searchParams),
			authorization: req.headers.authorization,
			apikey: req.headers.apikey as string | undefined,
			apiVersion,
			body: raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined,
			status: 0,
			response: undefined
		};
		requests.push(seen);

		const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
			seen.status = status;
			seen.response = body;
			res.writeHead(status, body === undefined ? headers : { 'Content-Type': 'application/json', ...headers });
			res.end(body === undefined ? undefined : JSON.stringify(body));
		};

		try {
			// The API gateway in front of GoTrue turns away requests without the project's key.
			if (seen.apikey !== anonKey) return send(401, { message: 'Invalid API key' });
			const route = routes[`${seen.method} ${seen.path}`];
			if (!target.pathname.startsWith('/auth/v1/') || !route) {
				throw new HttpError(404, 'not_found', 'Not Found');
			}
			const limit = rateLimited.get(seen.path);
			if (limit) {
				rateLimited.delete(seen.path);
				const message = limit === 'over_email_send_rate_limit' ? 'email rate limit exceeded' : 'Request rate limit reached';
				throw new HttpError(429, limit, message);
			}
			const [status, body] = route(seen);
			send(status, body);
		} catch (error) {
			if (!(error instanceof HttpError)) {
				send(500, { code: 'unexpected_failure', message: String(error) });
				return;
			}
			// errors.go HandleResponseError: the 2024-01-01 shape, with the version echoed, or the initial one.
			if (apiVersion && apiVersion >= API_VERSION_2024) {
				send(
					error.status,
					{ code: error.code, message: error.message, ...error.extra },
					{ 'X-Supabase-Api-Version': API_VERSION_2024 }
				);
			} else {
				send(error.status, { code: error.status, error_code: error.code, msg: error.message, ...error.extra });
			}
		}
	});

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		url,
		anonKey,
		requests,
		sessions,
		issued,
		settings,
		userByEmail: (email) => {
			const user = users.get(email.toLowerCase());
			return user && { id: user.id, email: user.email };
		},
		rateLimitNext: (path, code = 'over_request_rate_limit') => void rateLimited.set(path, code),
		sign: (claims, secret = jwtSecret) => signJwt(claims, secret),
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
