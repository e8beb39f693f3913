import type { LayoutServerLoad } from './$types';
import { LIVE_KEYS } from '$lib/live';
import { countUnread } from '$lib/server/notifications/queries';

// The header's unread count follows the live channel: a new notification, or
// one marked read in another tab, runs this load again.
export const load = (async ({ locals, depends }) => {
	depends(LIVE_KEYS.notifications);
	return {
		locale: locals.locale,
		user: locals.user && locals.profile ? { id: locals.user.id, displayName: locals.profile.displayName } : null,
		unreadNotifications: locals.user ? await locals.db(countUnread) : 0
	};
}) satisfies LayoutServerLoad;
