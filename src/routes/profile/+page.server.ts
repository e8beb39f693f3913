import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/server/forms';
import { profileSchema } from '$lib/server/schemas';
import { requireUser } from '$lib/server/guards';
import { rememberLocale } from '$lib/server/locale';

export const load = (async (event) => {
	const user = requireUser(event);
	const profile = await event.locals.db(async (tx) => {
		const { rows } = await tx.query<{ displayName: string; organisation: string; email: string; locale: string }>(
			`select display_name as "displayName", organisation, email, locale from public.profiles where id = $1`,
			[user.id]
		);
		return rows[0];
	});
	return { profile };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const { data, failure } = parseForm(profileSchema, form);
		if (failure) return failure;
		await event.locals.db((tx) =>
			tx.query('update public.profiles set display_name = $2, organisation = $3, locale = $4 where id = $1', [
				user.id,
				data.displayName,
				data.organisation,
				data.locale
			])
		);
		rememberLocale(event.cookies, data.locale, event.locals.authContext.secure);
		return { saved: true };
	}
} satisfies Actions;
