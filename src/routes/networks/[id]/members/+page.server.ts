import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, attemptChange, parseForm, refuse } from '$lib/server/forms';
import { idSchema, invitationSchema, roleChangeSchema, userIdSchema } from '$lib/server/schemas';
import { listMembers, changeMember, removeMember } from '$lib/server/networks/members';
import { listPartners } from '$lib/server/networks/partners';
import { networkName } from '$lib/server/networks/networks';
import { runtime } from '$lib/server/runtime';
import type { InvitationMail } from '$lib/server/mail';
import {
	INVITATION_DAYS,
	createInvitation,
	isMemberEmail,
	listPendingInvitations,
	renewInvitation,
	revokeInvitation
} from '$lib/server/networks/invitations';
import { log } from '$lib/server/log';
import { isConfirmed } from '$lib/confirmation';
import { askFirst } from '$lib/server/confirmations/ask';
import { memberRemoval } from '$lib/server/confirmations/member';
import { pendingRequests } from '$lib/server/networks/access-requests';
import { decideFromForm } from '$lib/server/access-decision';

const inviteLink = (origin: string, token: string) => `${origin}/invite/${token}`;

export const load = (async ({ locals, params, parent, url }) => {
	const { role } = await parent();
	return locals.db(async (tx) => ({
		members: await listMembers(tx, params.id),
		partners: (await listPartners(tx, params.id)).map((p) => ({ value: p.id, label: p.name })),
		// RLS shows invitations (and so their links) to facilitators only; others get an empty list.
		pending:
			role === 'facilitator'
				? (await listPendingInvitations(tx, params.id)).map(({ token, ...invitation }) => ({
						...invitation,
						link: token ? inviteLink(url.origin, token) : null
					}))
				: [],
		invitationDays: INVITATION_DAYS,
		// Requests for another role, decided by the facilitators (RLS shows others their own only).
		accessRequests: role === 'facilitator' ? await pendingRequests(tx, params.id) : []
	}));
}) satisfies PageServerLoad;

/**
 * Mail is a courtesy: the invitation exists and its link is shown either way.
 * Null when no mail server is configured, false when sending failed.
 */
async function mailInvitation(mail: InvitationMail): Promise<boolean | null> {
	const { mailer } = await runtime();
	if (!mailer) return null;
	try {
		await mailer.sendInvitation(mail);
		return true;
	} catch (error) {
		log.error({ err: error }, 'invitation mail failed');
		return false;
	}
}

export const actions = {
	invite: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(invitationSchema, form);
		if (failure) return failure;
		const result = await attempt(form, () =>
			locals.db(async (tx) => {
				if (await isMemberEmail(tx, params.id, data.email)) return null;
				return { token: await createInvitation(tx, params.id, data), network: await networkName(tx, params.id) };
			})
		);
		if (result === null) return refuse(400, form, 'errors.already_member', { field: 'email' });
		if (!('token' in result)) return result;
		const link = inviteLink(url.origin, result.token);
		const mailed = await mailInvitation({
			to: data.email,
			link,
			network: result.network,
			inviter: locals.profile?.displayName ?? '',
			role: data.role,
			days: INVITATION_DAYS,
			locale: locals.locale
		});
		return { invited: { email: data.email, link, mailed } };
	},
	renew: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(idSchema, form);
		if (failure) return failure;
		const renewed = await locals.db((tx) => renewInvitation(tx, params.id, data.id));
		if (!renewed) return refuse(403, form, 'errors.not_allowed');
		return { renewed: { email: renewed.email, link: inviteLink(url.origin, renewed.token) } };
	},
	revoke: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(idSchema, form);
		if (failure) return failure;
		const refused = await attemptChange(form, () => locals.db((tx) => revokeInvitation(tx, params.id, data.id)));
		return refused ?? { revoked: true };
	},
	change: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(roleChangeSchema, form);
		if (failure) return failure;
		const refused = await attemptChange(form, () => locals.db((tx) => changeMember(tx, params.id, data)));
		// Open documents follow the new role through the database's announcement (collab/access-events.ts).
		return refused ?? { roleChanged: true };
	},
	decide: async ({ request, locals }) => decideFromForm(locals.db, await request.formData()),
	remove: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(userIdSchema, form);
		if (failure) return failure;
		const self = data.userId === locals.user?.id;
		if (!isConfirmed(form)) {
			const question = await locals.db((tx) => memberRemoval(tx, params.id, { userId: data.userId, self }));
			return question ? askFirst(question) : refuse(403, form, 'errors.not_allowed');
		}
		const refused = await attemptChange(form, () => locals.db((tx) => removeMember(tx, params.id, data.userId)));
		if (refused) return refused;
		// Whoever leaves can no longer see this page.
		if (self) redirect(303, '/');
		return { memberRemoved: true };
	}
} satisfies Actions;
