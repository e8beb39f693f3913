import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { LIVE_KEYS } from '$lib/live';
import { isUuid } from '$lib/uuid';
import { attempt, parseForm, refuse } from '$lib/server/forms';
import { runtime } from '$lib/server/runtime';
import { breadcrumbs, fileSpace } from '$lib/server/files/queries';
import { listFileVersions, openFile, restoreSchema, restoreVersion } from '$lib/server/files/versions';

export const load = (async ({ locals, params, parent, depends }) => {
	// The network layout has already answered 404/403 for the network itself.
	await parent();
	// A new version, a restore, a rename or the bin, by anyone, reloads this.
	depends(LIVE_KEYS.files);
	if (!isUuid(params.fileId)) error(404, 'fileVersions.notFound');
	const found = await locals.db(async (tx) => {
		const file = await openFile(tx, params.id, params.fileId);
		if (!file) return null;
		return {
			file,
			folders: file.folderId ? await breadcrumbs(tx, params.id, file.folderId) : [],
			versions: await listFileVersions(tx, file.id),
			space: await fileSpace(tx, params.id)
		};
	});
	if (!found) error(404, 'fileVersions.notFound');
	return { ...found, uploadLimit: (await runtime()).config.files.uploadLimit };
}) satisfies PageServerLoad;

export const actions = {
	restore: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { data, failure } = parseForm(restoreSchema, form);
		if (failure) return failure;
		const place = { networkId: params.id, fileId: params.fileId, versionId: data.version };
		if (!isUuid(place.fileId)) return refuse(404, form, 'fileVersions.notFound');
		const outcome = await attempt(form, () => locals.db((tx) => restoreVersion(tx, place)), 'fileVersions.restoreRefused');
		if ('restored' in outcome) return { restored: outcome.restored };
		if ('refused' in outcome) {
			return refuse(outcome.refused === 'fileVersions.versionNotFound' ? 404 : 409, form, outcome.refused);
		}
		// The policies refused a person who may not restore: a 403 that keeps the form.
		return outcome;
	}
} satisfies Actions;
