import type { Locale, MessageKey } from '$lib/i18n/translate';
import type { Queryable } from '$lib/server/db/types';
import type { AuthContext, SessionUser } from '$lib/server/auth/types';
import type { Profile } from '$lib/server/profiles';

declare global {
	namespace App {
		interface Error {
			/** A message key, so the error page can speak the person's language. */
			message: MessageKey | string;
			/** A heading more precise than the status's own. */
			title?: MessageKey;
			id?: string;
		}
		interface Locals {
			user: SessionUser | null;
			profile: Profile | null;
			locale: Locale;
			authContext: AuthContext;
			/** Runs fn in one transaction as the signed-in person (or anonymous): RLS decides. */
			db: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
		}
		interface PageData {
			locale: Locale;
		}
	}
}

export {};
