// Changing a network's file space as the person: the policies decide who may
// (facilitators and editors change, facilitators also delete for good), the
// triggers keep the bin's dates, refuse folder cycles and removing folders
// that are not empty, and the unique indexes keep live names apart. These
// functions only explain, where they can, why a change was refused; the
// refusals the database raises are put into words by src/lib/server/db/errors.ts.
import type { MessageKey } from '$lib/i18n/translate';
import type { Queryable } from '../db/types.ts';
import { numberedName } from '../../files/names.ts';

/**
 * What a change comes to: done, refused with a reason, or 'hidden' when it
 * touched nothing — the policies hid the row from this change (a viewer, a
 * stranger to the network), or it no longer exists.
 */
export type Change<T> = { ok: T } | { refused: MessageKey } | 'hidden';

/** A change of one file or folder, done under the name it has afterwards. */
export type Named = Change<{ name: string }>;

/** Runs a statement on one row that returns its name. */
async function changeOne(tx: Queryable, sql: string, params: unknown[]): Promise<Named> {
	const { rows } = await tx.query<{ name: string }>(sql, params);
	return rows[0] ? { ok: { name: rows[0].name } } : 'hidden';
}

/** Null stands for the top; any other folder must be the network's, as this person sees it. */
async function folderExists(tx: Queryable, networkId: string, folderId: string | null): Promise<boolean> {
	if (folderId === null) return true;
	const { rows } = await tx.query('select 1 from public.file_folders where id = $1 and network_id = $2', [folderId, networkId]);
	return rows.length === 1;
}

/** Renames a file outside the bin; a name another live file of its folder has is refused by files_name. */
export function renameFile(tx: Queryable, networkId: string, fileId: string, name: string): Promise<Named> {
	return changeOne(
		tx,
		'update public.files set name = $3 where id = $1 and network_id = $2 and deleted_at is null returning name',
		[fileId, networkId, name]
	);
}

/** Moves a file outside the bin to a folder of its network, or to the top for null. */
export async function moveFile(tx: Queryable, networkId: string, fileId: string, folderId: string | null): Promise<Named> {
	if (!(await folderExists(tx, networkId, folderId))) return { refused: 'files.folderGone' };
	return changeOne(
		tx,
		'update public.files set folder_id = $3 where id = $1 and network_id = $2 and deleted_at is null returning name',
		[fileId, networkId, folderId]
	);
}

/** Puts a file in the bin; the database stamps when and by whom. */
export async function binFile(tx: Queryable, networkId: string, fileId: string): Promise<Change<{ name: string; id: string }>> {
	// The id comes back with the name, for the page to offer taking it out again.
	const { rows } = await tx.query<{ name: string; id: string }>(
		'update public.files set deleted_at = now() where id = $1 and network_id = $2 and deleted_at is null returning name, id',
		[fileId, networkId]
	);
	return rows[0] ? { ok: rows[0] } : 'hidden';
}

/** How many numbered names are tried in one round trip. */
const CANDIDATES = 20;

/**
 * The name itself when no other live file of the folder has it (case
 * aside, as files_name compares), otherwise the first of "name (2)",
 * "name (3)"… that is free. The database compares, so its lower() is the
 * one that counts.
 */
export async function freeName(
	tx: Queryable,
	networkId: string,
	folderId: string | null,
	name: string,
	/** The file being named, which does not stand in its own way; null for a new one. */
	fileId: string | null
): Promise<string> {
	for (let first = 1; ; first += CANDIDATES) {
		const candidates = Array.from({ length: CANDIDATES }, (_, i) => (first + i === 1 ? name : numberedName(name, first + i)));
		const { rows } = await tx.query<{ name: string }>(
			`select c.name from unnest($4::text[]) with ordinality as c (name, n)
			 where not exists (
			   select 1 from public.files f
			   where f.network_id = $1 and coalesce(f.folder_id, f.network_id) = coalesce($2::uuid, $1)
			     and lower(f.name) = lower(c.name) and f.deleted_at is null and f.id is distinct from $3::uuid
			 )
			 order by c.n limit 1`,
			[networkId, folderId, fileId, candidates]
		);
		if (rows[0]) return rows[0].name;
	}
}

/**
 * Brings a file back from the bin into the folder it was in, or to the top
 * when that folder is gone (its foreign key has already cleared it). A name
 * taken in the meantime gets a number: the answer carries the name it now has.
 */
export async function restoreFile(tx: Queryable, networkId: string, fileId: string): Promise<Named> {
	// Locked, so that two restores at once do not both pick the same free name.
	const binned = await tx.query<{ name: string; folderId: string | null }>(
		`select name, folder_id as "folderId" from public.files
		 where id = $1 and network_id = $2 and deleted_at is not null for update`,
		[fileId, networkId]
	);
	const file = binned.rows[0];
	if (!file) return 'hidden';
	const name = await freeName(tx, networkId, file.folderId, file.name, fileId);
	return changeOne(
		tx,
		'update public.files set deleted_at = null, name = $3 where id = $1 and network_id = $2 and deleted_at is not null returning name',
		[fileId, networkId, name]
	);
}

/** Deletes a file in the bin for good, with its versions; bytes no version uses any more are queued for removal. */
export function purgeFile(tx: Queryable, networkId: string, fileId: string): Promise<Named> {
	return changeOne(
		tx,
		'delete from public.files where id = $1 and network_id = $2 and deleted_at is not null returning name',
		[fileId, networkId]
	);
}

/** Makes a folder at the top (null) or inside another; a name its siblings have is refused by file_folders_name. */
export async function createFolder(tx: Queryable, networkId: string, parentId: string | null, name: string): Promise<Named> {
	if (!(await folderExists(tx, networkId, parentId))) return { refused: 'files.folderGone' };
	return changeOne(tx, 'insert into public.file_folders (network_id, parent_id, name) values ($1, $2, $3) returning name', [
		networkId,
		parentId,
		name
	]);
}

export function renameFolder(tx: Queryable, networkId: string, folderId: string, name: string): Promise<Named> {
	return changeOne(tx, 'update public.file_folders set name = $3 where id = $1 and network_id = $2 returning name', [
		folderId,
		networkId,
		name
	]);
}

/** Moves a folder into another, or to the top; into itself or one of its own is refused ('folder_cycle'). */
export async function moveFolder(tx: Queryable, networkId: string, folderId: string, parentId: string | null): Promise<Named> {
	if (!(await folderExists(tx, networkId, parentId))) return { refused: 'files.folderGone' };
	return changeOne(tx, 'update public.file_folders set parent_id = $3 where id = $1 and network_id = $2 returning name', [
		folderId,
		networkId,
		parentId
	]);
}

/** Removes an empty folder ('folder_not_empty' otherwise); files of it in the bin will come back at the top. */
export function deleteFolder(tx: Queryable, networkId: string, folderId: string): Promise<Named> {
	return changeOne(tx, 'delete from public.file_folders where id = $1 and network_id = $2 returning name', [folderId, networkId]);
}
