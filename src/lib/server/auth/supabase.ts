import { createServerClient } from '@supabase/ssr';
import { passwordProblem } from './password-policy.ts';
import { AuthError, type AuthContext, type AuthPort } from './types.ts';

/**
 * Supabase Auth through @supabase/ssr: the session lives in Supabase's own
 * cookies and the user is re-validated with the Auth server on each request
 * (getUser), never trusted from the cookie alone.
 */
export function supabaseAuth(settings: { url: string; anonKey: string }): AuthPort {
	const client = (ctx: AuthContext) =>
		createServerClient(settings.url, settings.anonKey, {
			cookies: {
				getAll: () => ctx.cookies.getAll(),
				setAll: (cookies) =>
					cookies.forEach(({ name, value, options }) =>
						ctx.cookies.set(name, value, { ...options, path: '/', httpOnly: true, secure: ctx.secure })
					)
			}
		});

	const refusal = (error: { code?: string; status?: number }) => {
		if (error.code === 'user_already_exists' || error.code === 'email_exists') return new AuthError('email_taken');
		if (error.code === 'weak_password') return new AuthError('weak_password');
		if (error.code === 'over_request_rate_limit' || error.status === 429) return new AuthError('rate_limited', 60);
		if (error.code === 'invalid_credentials') return new AuthError('invalid_credentials');
		if (error.code === 'email_not_confirmed') return new AuthError('email_not_confirmed');
		return error as Error;
	};

	return {
		kind: 'supabase',

		async signUp(input, ctx) {
			const email = input.email.trim().toLowerCase();
			if (passwordProblem({ password: input.password, email })) throw new AuthError('weak_password');
			const { data, error } = await client(ctx).auth.signUp({
				email,
				password: input.password,
				options: {
					data: { display_name: input.displayName, organisation: input.organisation, locale: input.locale }
				}
			});
			if (error) throw refusal(error);
			// With "confirm email" on, Supabase answers an existing address with a user that has no identities.
			if (!data.user || data.user.identities?.length === 0) throw new AuthError('email_taken');
			return { id: data.user.id, email };
		},

		async signIn(input, ctx) {
			const { data, error } = await client(ctx).auth.signInWithPassword({
				email: input.email.trim().toLowerCase(),
				password: input.password
			});
			if (error) throw refusal(error);
			return { id: data.user.id, email: data.user.email ?? input.email };
		},

		async signOut(ctx) {
			// This browser only, as the embedded provider does; other devices stay signed in.
			await client(ctx).auth.signOut({ scope: 'local' });
		},

		async currentUser(ctx) {
			const { data, error } = await client(ctx).auth.getUser();
			if (error || !data.user) return null;
			return { id: data.user.id, email: data.user.email ?? '' };
		}
	};
}
