import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runtime } from '$lib/server/runtime';
import { parseForm, refuse } from '$lib/server/forms';
import { signUpSchema } from '$lib/server/schemas';
import { authRefusal } from '$lib/server/auth/refusal';
import { passwordProblem } from '$lib/server/auth/password-policy';
import { safeRedirectPath } from '$lib/server/redirects';
import { rememberLocale } from '$lib/server/locale';
import { previewInvitation } from '$lib/server/networks/invitations';

export const load = (async ({ locals, url }) => {
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
	if (locals.user) redirect(303, redirectTo);
	// Arriving from an invitation: show which network, and fill in the invited address.
	const token = /^\/invite\/([\w-]+)$/.exec(redirectTo)?.[1];
	const invitation = token ? await locals.db((tx) => previewInvitation(tx, token)) : null;
	return {
		redirectTo,
		invitation: invitation?.status === 'valid' ? { network: invitation.networkName, email: invitation.email } : null
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, cookies }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(signUpSchema, form);
		if (failure) return failure;
		const problem = passwordProblem({ password: data.password, email: data.email });
		if (problem) return refuse(400, form, `errors.password_${problem}`, { field: 'password' });
		const { auth } = await runtime();
		try {
			await auth.signUp(data, locals.authContext);
		} catch (error) {
			return authRefusal(error, form);
		}
		rememberLocale(cookies, data.locale, locals.authContext.secure);
		redirect(303, safeRedirectPath(form.get('redirectTo')));
	}
} satisfies Actions;
