import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { LIVE_KEYS } from '$lib/live';
import { uploadReturn } from '$lib/files/upload-return';
import { fileListQuery } from '$lib/files/space';
import { mayUploadFiles } from '$lib/files/access';
import { runtime } from '$lib/server/runtime';
import { FILES_PER_PAGE, fileSpace, folderTree, listFolder } from '$lib/server/files/queries';
import {
	binFile,
	createFolder,
	deleteFolder,
	moveFile,
	moveFolder,
	renameFile,
	renameFolder,
	restoreFile
} from '$lib/server/files/changes';
import { fileAction } from '$lib/server/files/form-change';
import { itemSchema, moveSchema, newFolderSchema, renameSchema } from '$lib/server/files/schemas';

export const load = (async ({ locals, params, url, parent, depends }) => {
	// The network layout has already answered 404/403 for the network itself.
	const { role } = await parent();
	// Anyone's upload, rename, move or bin refreshes the folder.
	depends(LIVE_KEYS.files);
	const query = fileListQuery(url.searchParams);
	const { config } = await runtime();
	const found = await locals.db(async (tx) => {
		const contents = await listFolder(tx, params.id, query);
		if (!contents) return null;
		return {
			contents,
			space: await fileSpace(tx, params.id),
			// The choices of "move to", for whoever may move.
			tree: mayUploadFiles(role) ? await folderTree(tx, params.id) : []
		};
	});
	if (!found) error(404, 'files.folderNotFound');
	return {
		query,
		...found,
		pages: Math.max(1, Math.ceil(found.contents.fileCount / FILES_PER_PAGE)),
		uploadLimit: config.files.uploadLimit,
		userId: locals.user!.id,
		// What an upload sent without JavaScript came back with (see fileUrls.upload).
		sentWithoutScript: uploadReturn(url)
	};
}) satisfies PageServerLoad;

export const actions = {
	rename: fileAction(renameSchema, (tx, network, { id, name }) => renameFile(tx, network, id, name), 'files.renamed', 'name'),
	move: fileAction(moveSchema, (tx, network, { id, folder }) => moveFile(tx, network, id, folder), 'files.moved', 'folder'),
	// Binning is one click: nothing is lost, and the page offers to undo it (restore, here too).
	bin: fileAction(itemSchema, (tx, network, { id }) => binFile(tx, network, id), 'files.binned'),
	restore: fileAction(itemSchema, (tx, network, { id }) => restoreFile(tx, network, id), 'files.restored'),
	createFolder: fileAction(
		newFolderSchema,
		(tx, network, { parent, name }) => createFolder(tx, network, parent, name),
		'files.folderCreated',
		'name'
	),
	renameFolder: fileAction(
		renameSchema,
		(tx, network, { id, name }) => renameFolder(tx, network, id, name),
		'files.folderRenamed',
		'name'
	),
	moveFolder: fileAction(
		moveSchema,
		(tx, network, { id, folder }) => moveFolder(tx, network, id, folder),
		'files.folderMoved',
		'folder'
	),
	deleteFolder: fileAction(itemSchema, (tx, network, { id }) => deleteFolder(tx, network, id), 'files.folderDeleted')
} satisfies Actions;
