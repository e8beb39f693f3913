import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, refuse } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { acceptInvitation, previewInvitation } from '$lib/server/networks/invitations';

const STATUS_MESSAGE = {
	expired: 'errors.invitation_expired',
	used: 'errors.invitation_used',
	revoked: 'errors.invitation_revoked'
} as const;

export const load = (async ({ locals, params }) => {
	const invitation = await locals.db((tx) => previewInvitation(tx, params.token));
	const title = 'invite.unavailableTitle';
	if (!invitation) error(404, { message: 'errors.invitation_invalid', title });
	if (invitation.status !== 'valid') error(410, { message: STATUS_MESSAGE[invitation.status], title });
	return {
		invitation,
		signedInAs: locals.user?.email ?? null
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		requireUser(event);
		const form = await event.request.formData();
		const result = await attempt(form, () => event.locals.db((tx) => acceptInvitation(tx, event.params.token)));
		if (typeof result !== 'string') {
			// The wrong-account refusal names the invited address so the person knows what to do.
			const preview = await event.locals.db((tx) => previewInvitation(tx, event.params.token));
			const message = result.data.message ?? 'errors.invitation_invalid';
			return refuse(result.status, form, message, { params: { email: preview?.email ?? '' } });
		}
		redirect(303, `/networks/${result}/welcome`);
	}
} satisfies Actions;
