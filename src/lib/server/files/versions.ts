// One file of a network's file space and its versions, as the person sees
// them: every function runs in a transaction opened as the person
// (locals.db), so row-level security decides which files and versions exist
// for them and who may restore. Nothing here filters permissions in code.
import { z } from 'zod';
import type { MessageKey } from '$lib/i18n/translate';
import type { Queryable } from '../db/types.ts';
import { isUuid } from '../../uuid.ts';
import { BIN_DAYS } from '../../files/space.ts';

export interface FileDetail {
	id: string;
	name: string;
	folderId: string | null;
	size: number;
	/** Detected from the bytes when they were stored. */
	contentType: string;
	versionCount: number;
	currentVersionId: string;
	/** When the current version was uploaded, and by whom (no name once the account is gone). */
	updatedAt: Date;
	updatedByName: string | null;
	/** In the bin since then; null when it is not. */
	deletedAt: Date | null;
	deletedByName: string | null;
	/** When the server deletes it for good (BIN_DAYS after it was binned). */
	purgeAt: Date | null;
	/** Whether the database lets this person add versions (and restore them) in this network. */
	mayUpload: boolean;
}

/** The file if this person may see it in this network (bin included), else null. */
export async function openFile(tx: Queryable, networkId: string, fileId: string): Promise<FileDetail | null> {
	const { rows } = await tx.query<FileDetail>(
		`select f.id, f.name, f.folder_id as "folderId", f.size::float8 as size, f.content_type as "contentType",
		        f.version_count as "versionCount", f.current_version_id as "currentVersionId",
		        f.updated_at as "updatedAt", u.display_name as "updatedByName",
		        f.deleted_at as "deletedAt", d.display_name as "deletedByName",
		        f.deleted_at + make_interval(days => $3) as "purgeAt",
		        public.may_upload(f.network_id) as "mayUpload"
		 from public.files f
		 left join public.profiles u on u.id = f.updated_by
		 left join public.profiles d on d.id = f.deleted_by
		 where f.id = $1 and f.network_id = $2`,
		[fileId, networkId, BIN_DAYS]
	);
	return rows[0] ?? null;
}

export interface FileVersion {
	id: string;
	number: number;
	/** The name it was uploaded with. */
	originalName: string;
	size: number;
	contentType: string;
	uploadedByName: string | null;
	createdAt: Date;
	/** The number of the version a restore brought back; null for an upload. */
	restoredFrom: number | null;
}

/** Every version of a file, the latest first. */
export async function listFileVersions(tx: Queryable, fileId: string): Promise<FileVersion[]> {
	const { rows } = await tx.query<FileVersion>(
		`select v.id, v.number, v.original_name as "originalName", o.size::float8 as size,
		        o.content_type as "contentType", p.display_name as "uploadedByName", v.created_at as "createdAt",
		        r.number as "restoredFrom"
		 from public.file_versions v
		 join public.file_objects o on o.storage_key = v.storage_key
		 left join public.profiles p on p.id = v.uploaded_by
		 left join public.file_versions r on r.id = v.restored_from
		 where v.file_id = $1
		 order by v.number desc`,
		[fileId]
	);
	return rows;
}

/** What restoring a version came to: the new version's number, or why it was refused. */
export type RestoreOutcome = { restored: { from: number; to: number } } | { refused: MessageKey };

/**
 * Brings an earlier version back as a new one: the same stored bytes and
 * name, a new number, and a note of where it came from. The database
 * numbers it, makes it current and records it; the insert's policy decides
 * who may. The file is read first only to explain a refusal.
 */
export async function restoreVersion(
	tx: Queryable,
	place: { networkId: string; fileId: string; versionId: string }
): Promise<RestoreOutcome> {
	const { rows } = await tx.query<{ binned: boolean; current: boolean; number: number }>(
		`select f.deleted_at is not null as binned, f.current_version_id = v.id as current, v.number
		 from public.files f join public.file_versions v on v.file_id = f.id
		 where f.id = $1 and f.network_id = $2 and v.id = $3`,
		[place.fileId, place.networkId, place.versionId]
	);
	const version = rows[0];
	if (!version) return { refused: 'fileVersions.versionNotFound' };
	if (version.binned) return { refused: 'fileVersions.restoreInBin' };
	if (version.current) return { refused: 'fileVersions.alreadyCurrent' };
	const inserted = await tx.query<{ number: number }>(
		`insert into public.file_versions (file_id, network_id, storage_key, original_name, restored_from)
		 select v.file_id, v.network_id, v.storage_key, v.original_name, v.id
		 from public.file_versions v where v.id = $1 and v.file_id = $2
		 returning number`,
		[place.versionId, place.fileId]
	);
	return { restored: { from: version.number, to: inserted.rows[0].number } };
}

/** The restore form: which version to bring back. */
export const restoreSchema = z.object({
	version: z.string().refine(isUuid, 'fileVersions.versionNotFound')
});
