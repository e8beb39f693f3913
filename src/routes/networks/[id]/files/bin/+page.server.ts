import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { LIVE_KEYS } from '$lib/live';
import { fileListQuery } from '$lib/files/space';
import { BIN_PER_PAGE, fileSpace, listBin } from '$lib/server/files/queries';
import { purgeFile, restoreFile } from '$lib/server/files/changes';
import { fileAction } from '$lib/server/files/form-change';
import { itemSchema } from '$lib/server/files/schemas';
import { parseForm, refuse } from '$lib/server/forms';
import { isConfirmed } from '$lib/confirmation';
import { askFirst } from '$lib/server/confirmations/ask';
import { filePurge } from '$lib/server/confirmations/file';

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
	purge: async (event: RequestEvent<{ id: string }>) => {
		// Read from a copy: the action that purges reads the request itself.
		const form = await event.request.clone().formData();
		if (isConfirmed(form)) return purge(event);
		const { data, failure } = parseForm(itemSchema, form);
		if (failure) return failure;
		const url = new URL(event.request.url);
		const action = url.pathname + url.search;
		const question = await event.locals.db((tx) => filePurge(tx, event.params.id, { fileId: data.id, action }));
		return question ? askFirst(question) : refuse(403, form, 'files.notAllowed');
	}
} satisfies Actions;

const purge = fileAction(itemSchema, (tx, network, { id }) => purgeFile(tx, network, id), 'files.purged');
