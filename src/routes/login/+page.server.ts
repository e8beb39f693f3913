import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms';
import { signInSchema } from '$lib/server/schemas';
import { authRefusal } from '$lib/server/auth/refusal';
import { safeRedirectPath } from '$lib/server/redirects';

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	return { redirectTo: safeRedirectPath(url.searchParams.get('redirectTo')), email: url.searchParams.get('email') ?? '' };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(signInSchema, form);
		if (failure) return failure;
		const { auth } = await runtime();
		try {
			await auth.signIn(data, locals.authContext);
		} catch (error) {
			return authRefusal(error, form);
		}
		redirect(303, safeRedirectPath(form.get('redirectTo')));
	}
} satisfies Actions;
