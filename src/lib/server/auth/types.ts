import type { Cookies } from '@sveltejs/kit';

export interface SessionUser {
	id: string;
	email: string;
}

export interface AuthContext {
	cookies: Cookies;
	/** The client's address, for rate limits. */
	address: string;
	userAgent: string;
	/** True behind HTTPS: cookies then carry the Secure flag. */
	secure: boolean;
}

export interface SignUpInput {
	email: string;
	password: string;
	displayName: string;
	organisation: string;
	locale: 'it' | 'en';
}

export type AuthErrorCode =
	| 'email_taken'
	| 'weak_password'
	| 'invalid_credentials'
	| 'rate_limited'
	/** Supabase projects that require confirming the address first. */
	| 'email_not_confirmed';

/** An expected refusal, shown to the person in their language. */
export class AuthError extends Error {
	constructor(
		readonly code: AuthErrorCode,
		readonly retryAfterSeconds?: number
	) {
		super(code);
	}
}

/** One interface, two providers: embedded (PGlite or Postgres) and Supabase Auth. */
export interface AuthPort {
	readonly kind: 'embedded' | 'supabase';
	signUp(input: SignUpInput, ctx: AuthContext): Promise<SessionUser>;
	signIn(input: { email: string; password: string }, ctx: AuthContext): Promise<SessionUser>;
	signOut(ctx: AuthContext): Promise<void>;
	currentUser(ctx: AuthContext): Promise<SessionUser | null>;
}
