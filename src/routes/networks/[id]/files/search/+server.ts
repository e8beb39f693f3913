import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { translate } from '$lib/i18n/translate';
import { isUuid } from '$lib/uuid';
import { searchFiles } from '$lib/server/files/search';

/** Longer than any file name: the rest of a pasted text is not searched. */
const MAX_TYPED = 200;

// The file pickers' suggestions, asked of the database as the person, so
// that a stranger to the network finds nothing. JSON for a script, hence a
// 401 rather than the pages' redirect to sign in.
export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!locals.user) error(401, translate(locals.locale, 'errors.not_authenticated'));
	if (!isUuid(params.id)) error(404, translate(locals.locale, 'errors.network_not_found'));
	const typed = (url.searchParams.get('q') ?? '').trim().slice(0, MAX_TYPED);
	const kind = url.searchParams.get('kind') === 'image' ? 'image' : 'any';
	const files = await locals.db((tx) => searchFiles(tx, params.id, typed, kind));
	return json({ files }, { headers: { 'cache-control': 'private, no-store' } });
};
