import type { ActionFailure } from '@sveltejs/kit';
import { refuse, type FormFailure } from '../forms.ts';
import { AuthError } from './types.ts';

/** Turns an expected auth refusal into the form answer; anything else is rethrown. */
export function authRefusal(error: unknown, form: FormData): ActionFailure<FormFailure> {
	if (!(error instanceof AuthError)) throw error;
	switch (error.code) {
		case 'email_taken':
			return refuse(400, form, 'errors.email_taken', { field: 'email' });
		case 'weak_password':
			return refuse(400, form, 'errors.weak_password', { field: 'password' });
		case 'invalid_credentials':
			return refuse(400, form, 'errors.invalid_credentials');
		case 'email_not_confirmed':
			return refuse(400, form, 'errors.email_not_confirmed');
		case 'rate_limited':
			return refuse(429, form, 'errors.rate_limited', {
				params: { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) }
			});
	}
}
