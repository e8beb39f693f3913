// Which stored object a download serves, asked of the database as the
// person on every request: row-level security decides, so a removed
// member, or anyone outside the network, gets nothing.
import type { Claims, Database } from '../db/types.ts';
import { withUser } from '../db/with-user.ts';
import { FileRequestError } from './refusal.ts';

export interface Servable {
	storageKey: string;
	/** The file's name now: what the browser saves it as. */
	name: string;
	size: number;
	contentType: string;
	sha256: string;
}

/** The current version of the file, or the version named; throws FileRequestError (403/404) otherwise. */
export async function findServable(db: Database, claims: Claims, fileId: string, versionId: string | null): Promise<Servable> {
	const { row, visible } = await withUser(db, claims, async (tx) => {
		const { rows } = await tx.query<{ storage_key: string; name: string; size: string; content_type: string; sha256: string }>(
			`select o.storage_key, f.name, o.size, o.content_type, o.sha256
			 from public.files f
			 join public.file_versions v on v.file_id = f.id and v.id = coalesce($2, f.current_version_id)
			 join public.file_objects o on o.storage_key = v.storage_key
			 where f.id = $1`,
			[fileId, versionId]
		);
		if (rows[0]) return { row: rows[0], visible: true };
		const seen = await tx.query<{ visible: boolean }>('select exists (select 1 from public.files where id = $1) as visible', [fileId]);
		return { row: undefined, visible: seen.rows[0].visible };
	});
	if (row) {
		return { storageKey: row.storage_key, name: row.name, size: Number(row.size), contentType: row.content_type, sha256: row.sha256 };
	}
	// A version the file does not have; or a file refused, or not there: asked as the service, telling only which.
	if (visible) throw new FileRequestError('not_found', 404);
	const { rows } = await db.query<{ found: boolean }>('select exists (select 1 from public.files where id = $1) as found', [fileId]);
	throw rows[0].found ? new FileRequestError('forbidden', 403) : new FileRequestError('not_found', 404);
}
