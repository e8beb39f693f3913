import type { Actions, PageServerLoad } from './$types';
import { LIVE_KEYS } from '$lib/live';
import { fileListQuery } from '$lib/files/space';
import { BIN_PER_PAGE, fileSpace, listBin } from '$lib/server/files/queries';
import { purgeFile, restoreFile } from '$lib/server/files/changes';
import { fileAction } from '$lib/server/files/form-change';
import { itemSchema } from '$lib/server/files/schemas';

export const load = (async ({ locals, params, url, parent, depends }) => {
	// The network layout has already answered 404/403 for the network itself.
	await parent();
	depends(LIVE_KEYS.files);
	const { page } = fileListQuery(url.searchParams);
	return locals.db(async (tx) => ({
		page,
		perPage: BIN_PER_PAGE,
		bin: await listBin(tx, params.id, { page }),
		space: await fileSpace(tx, params.id)
	}));
}) satisfies PageServerLoad;

export const actions = {
	restore: fileAction(itemSchema, (tx, network, { id }) => restoreFile(tx, network, id), 'files.restored'),
	purge: fileAction(itemSchema, (tx, network, { id }) => purgeFile(tx, network, id), 'files.purged')
} satisfies Actions;
