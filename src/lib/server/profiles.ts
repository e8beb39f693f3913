import type { Queryable } from './db/types.ts';
import type { Locale } from '$lib/i18n/translate';

export interface Profile {
	displayName: string;
	organisation: string;
	email: string;
	locale: Locale;
}

/** The person's own profile, read as them (RLS lets everyone read their own). */
export async function readProfile(tx: Queryable, userId: string): Promise<Profile | null> {
	const { rows } = await tx.query<Profile>(
		`select display_name as "displayName", organisation, email, locale from public.profiles where id = $1`,
		[userId]
	);
	return rows[0] ?? null;
}

export async function updateProfile(
	tx: Queryable,
	userId: string,
	change: Pick<Profile, 'displayName' | 'organisation' | 'locale'>
): Promise<void> {
	await tx.query('update public.profiles set display_name = $2, organisation = $3, locale = $4 where id = $1', [
		userId,
		change.displayName,
		change.organisation,
		change.locale
	]);
}

export async function setLocale(tx: Queryable, userId: string, locale: Locale): Promise<void> {
	await tx.query('update public.profiles set locale = $2 where id = $1', [userId, locale]);
}
