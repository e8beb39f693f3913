import { z } from 'zod';
import { safeFileName } from '../../files/names.ts';

// The file space's forms, validated at the edge; messages are i18n keys.

/** Longer than any name a person means to give: a pasted text is refused, not cut silently. */
const TYPED_MAX = 1000;

/**
 * A name as typed, made safe the way uploaded names are (no path, control
 * or direction characters, no reserved Windows names, at most 200
 * characters): what is stored is readable and can never name another place.
 */
const name = z
	.string()
	.trim()
	.min(1, 'files.nameRequired')
	.max(TYPED_MAX, 'files.nameTooLong')
	.transform(safeFileName)
	.pipe(z.string().min(1, 'files.nameRequired'));

/** A folder to move to or make a folder in: the empty choice is the top of the file space. */
const place = z
	.string()
	.optional()
	.transform((value) => value?.trim() || null)
	.pipe(z.uuid('files.folderGone').nullable());

const id = z.uuid('files.notFound');

export const itemSchema = z.object({ id });
export const renameSchema = z.object({ id, name });
export const moveSchema = z.object({ id, folder: place });
export const newFolderSchema = z.object({ parent: place, name });
