import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { translate } from '$lib/i18n/translate';
import { requireUser } from '$lib/server/guards';
import { isUuid } from '$lib/uuid';
import { openNotification } from '$lib/server/notifications/queries';
import { targetPath } from '$lib/server/notifications/target';

// Following a notification's link marks it read, then sends the browser on
// to what it is about. An endpoint rather than a page, so that no link
// preloading can mark anything read; and a plain link, so it works without
// JavaScript. An endpoint's error has no Svelte page: its message is written out.
export const GET: RequestHandler = async (event) => {
	requireUser(event);
	const target = isUuid(event.params.id) ? await event.locals.db((tx) => openNotification(tx, event.params.id)) : null;
	if (!target) error(404, translate(event.locals.locale, 'notifications.notFound'));
	redirect(303, targetPath(target));
};
