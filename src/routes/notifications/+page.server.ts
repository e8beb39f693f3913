import type { Actions, PageServerLoad } from './$types';
import { LIVE_KEYS } from '$lib/live';
import { requireUser } from '$lib/server/guards';
import { attemptChange, parseForm } from '$lib/server/forms';
import { idSchema } from '$lib/server/schemas';
import { inboxQuery } from '$lib/server/notifications/schemas';
import { listNotifications, markAllRead, markRead, readMutedKinds } from '$lib/server/notifications/queries';
import { decideFromForm } from '$lib/server/access-decision';

// The person's notifications from every network, newest first; the unread
// count comes with the root layout.
export const load = (async (event) => {
	requireUser(event);
	event.depends(LIVE_KEYS.notifications);
	const { unreadOnly, before } = inboxQuery(event.url.searchParams);
	return event.locals.db(async (tx) => ({
		unreadOnly,
		paged: before !== null,
		...(await listNotifications(tx, { unreadOnly, before })),
		muted: await readMutedKinds(tx)
	}));
}) satisfies PageServerLoad;

export const actions = {
	read: async (event) => {
		requireUser(event);
		const form = await event.request.formData();
		const { data, failure } = parseForm(idSchema, form);
		if (failure) return failure;
		const refused = await attemptChange(
			form,
			() => event.locals.db((tx) => markRead(tx, data.id)),
			'notifications.notFound'
		);
		return refused ?? { marked: true };
	},
	readAll: async (event) => {
		requireUser(event);
		await event.locals.db(markAllRead);
		return { markedAll: true };
	},
	// A facilitator grants or declines a request for more access from its notification.
	decide: async (event) => {
		requireUser(event);
		return decideFromForm(event.locals.db, await event.request.formData());
	}
} satisfies Actions;
