import type { Locale, MessageKey } from '$lib/i18n/translate';
import type { Queryable } from '$lib/server/db/types';
import type { AuthContext, SessionUser } from '$lib/server/auth/types';
import type { Profile } from '$lib/server/profiles';
import type { NetworkAccess } from '$lib/server/networks/networks';

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
			/** Names this request in the log and on the error page. */
			requestId: string;
			/** On a network's routes, for a signed-in person: what they may see of it (asked once, in the hook). */
			networkAccess?: NetworkAccess;
		}
		interface PageData {
			locale: Locale;
		}
	}
}

export {};
