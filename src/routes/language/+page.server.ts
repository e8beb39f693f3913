import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { isLocale } from '$lib/i18n/translate';
import { rememberLocale } from '$lib/server/locale';
import { safeRedirectPath } from '$lib/server/redirects';
import { setLocale } from '$lib/server/profiles';

export const load = () => redirect(303, '/');

export const actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const locale = form.get('locale');
		if (isLocale(locale)) {
			rememberLocale(cookies, locale, locals.authContext.secure);
			const user = locals.user;
			if (user) await locals.db((tx) => setLocale(tx, user.id, locale));
		}
		redirect(303, safeRedirectPath(form.get('redirectTo')));
	}
} satisfies Actions;
