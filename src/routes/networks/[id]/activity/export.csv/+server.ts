import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { translate } from '$lib/i18n/translate';
import { requireUser } from '$lib/server/guards';
import { isUuid } from '$lib/uuid';
import { refusalKey } from '$lib/server/db/errors';
import { networkName } from '$lib/server/networks/networks';
import { exportActivity } from '$lib/server/activity/queries';
import { activityCsv, exportName } from '$lib/server/activity/export';
import { downloadHeaders } from '$lib/documents/download';

// The whole activity record as CSV, for the network's facilitators: the
// database function behind exportActivity() refuses everyone else. An
// endpoint's error has no Svelte page: its message is written out.
export const GET: RequestHandler = async (event) => {
	requireUser(event);
	const { locale } = event.locals;
	if (!isUuid(event.params.id)) error(404, translate(locale, 'errors.network_not_found'));
	const found = await event.locals
		.db(async (tx) => ({ entries: await exportActivity(tx, event.params.id), name: await networkName(tx, event.params.id) }))
		.catch((problem: unknown) => {
			if (refusalKey(problem) === 'errors.not_allowed') error(403, translate(locale, 'activity.exportForbidden'));
			throw problem;
		});
	return new Response(activityCsv(locale, found.entries), {
		headers: downloadHeaders(exportName(found.name, new Date()), 'csv', 'text/csv; charset=utf-8; header=present')
	});
};
