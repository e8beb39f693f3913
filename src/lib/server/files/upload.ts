// Storing an upload: the database first says whether this person may add
// to that place and how much room is left; the bytes then stream to the
// store under a key the server chooses, measured and cut off at the limit;
// last, one transaction records the stored object (as the service) and the
// file or version (as the person, under row-level security). If anything
// fails after the bytes are stored, they are removed: no file without a
// row, no row without its file.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Claims, Database, Queryable } from '../db/types.ts';
import { actAs, withUser } from '../db/with-user.ts';
import { log } from '../log.ts';
import type { UploadedFile } from '../../files/api.ts';
import { safeFileName } from '../../files/names.ts';
import { freeName } from './changes.ts';
import { detectContentType, SNIFF_BYTES } from './content-type.ts';
import { FileRequestError, pgError } from './refusal.ts';
import { Measure, TooLarge } from './measure.ts';
import type { FileStore } from './store.ts';

export type UploadTarget =
	| { kind: 'file'; networkId: string; folderId: string | null }
	| { kind: 'version'; fileId: string };

export interface Upload {
	target: UploadTarget;
	/** As the client named it; made safe here. */
	name: string;
	body: Readable;
	/** The length the client announced, when it did: checked before any byte is read. */
	declaredSize?: number;
	/** Aborted when the client goes away: the store then keeps nothing. */
	signal?: AbortSignal;
}

export interface UploadDeps {
	db: Database;
	store: FileStore;
	uploadLimit: number;
}

interface Place {
	networkId: string;
	folderId: string | null;
	fileId: string | null;
	/** Bytes the network may still store. */
	room: number;
	used: number;
	quota: number;
}

/** Stores one upload for the person the claims name; throws FileRequestError when refused. */
export async function storeUpload(deps: UploadDeps, claims: Claims, upload: Upload): Promise<UploadedFile> {
	const name = safeFileName(upload.name);
	const place = await admit(deps.db, claims, upload.target);
	const limit = Math.min(deps.uploadLimit, place.room);
	const tooLarge = () =>
		deps.uploadLimit <= place.room
			? new FileRequestError('file_too_large', 413, { limit: deps.uploadLimit })
			: new FileRequestError('quota_exceeded', 413, { used: place.used, quota: place.quota });
	if (upload.declaredSize !== undefined && upload.declaredSize > limit) throw tooLarge();

	const key = randomUUID();
	const measure = new Measure(limit, SNIFF_BYTES);
	// pipe(), not pipeline(): a body cut off at the limit must stay open for
	// the 413 to reach the client. pipe() does not pass the body's own
	// failure on, so that is done by hand.
	upload.body.on('error', (error) => measure.destroy(error));
	try {
		await deps.store.put(key, upload.body.pipe(measure), upload.signal);
	} catch (error) {
		upload.body.unpipe(measure);
		if (error instanceof TooLarge) throw tooLarge();
		if (upload.signal?.aborted || upload.body.destroyed) throw new FileRequestError('upload_incomplete', 400);
		throw new FileRequestError('storage_failed', 503, {}, error);
	}
	try {
		return await record(deps.db, claims, place, {
			key,
			name,
			size: measure.size,
			sha256: measure.digest(),
			contentType: detectContentType(measure.head, name)
		});
	} catch (error) {
		await deps.store.remove([key]).catch((cause: unknown) => log.error({ err: cause, storageKey: key }, 'could not remove the bytes of an upload not recorded'));
		throw error;
	}
}

/** Where the upload goes, if this person may put it there, and the room left. */
async function admit(db: Database, claims: Claims, target: UploadTarget): Promise<Place> {
	const found = await withUser(db, claims, async (tx) => {
		const { rows } = await tx.query<{
			network_id: string;
			folder_id: string | null;
			file_id: string | null;
			folder_ok: boolean;
			member: boolean;
			may: boolean;
			used: string;
			quota: string | null;
		}>(
			`with place as (
			   select $1::uuid as network_id, $2::uuid as folder_id, null::uuid as file_id where $3::uuid is null
			   union all
			   select f.network_id, f.folder_id, f.id from public.files f where f.id = $3 and f.deleted_at is null
			 )
			 select p.network_id, p.folder_id, p.file_id,
			        p.folder_id is null or exists (select 1 from public.file_folders d where d.id = p.folder_id and d.network_id = p.network_id) as folder_ok,
			        public.is_member(p.network_id) as member, public.may_upload(p.network_id) as may, s.used, s.quota
			 from place p, public.file_space(p.network_id) s`,
			target.kind === 'file' ? [target.networkId, target.folderId, null] : [null, null, target.fileId]
		);
		return rows[0];
	});
	if (!found?.member || !found.folder_ok) throw new FileRequestError('not_found', 404);
	if (!found.may) throw new FileRequestError('forbidden', 403);
	const used = Number(found.used);
	const quota = Number(found.quota);
	return {
		networkId: found.network_id,
		folderId: found.folder_id,
		fileId: found.file_id,
		room: Math.max(0, quota - used),
		used,
		quota
	};
}

interface Stored {
	key: string;
	name: string;
	size: number;
	sha256: string;
	contentType: string;
}

/** Two people may upload the same name at once: the loser of that race takes the next free name. */
const NAME_ATTEMPTS = 3;

async function record(db: Database, claims: Claims, place: Place, stored: Stored): Promise<UploadedFile> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction(async (tx) => {
				// As the service: only the server vouches for what it stored.
				await tx.query(
					`insert into public.file_objects (storage_key, network_id, size, content_type, sha256) values ($1, $2, $3, $4, $5)`,
					[stored.key, place.networkId, stored.size, stored.contentType, stored.sha256]
				);
				await actAs(tx, claims);
				const fileId = place.fileId ?? (await insertFile(tx, place, stored.name));
				const { rows } = await tx.query<{ number: number; name: string }>(
					`insert into public.file_versions (file_id, network_id, storage_key, original_name) values ($1, $2, $3, $4)
					 returning number, (select f.name from public.files f where f.id = $1) as name`,
					[fileId, place.networkId, stored.key, stored.name]
				);
				return { id: fileId, name: rows[0].name, size: stored.size, contentType: stored.contentType, version: rows[0].number };
			});
		} catch (error) {
			const e = pgError(error);
			if (e.code === '23505' && e.constraint === 'files_name' && attempt < NAME_ATTEMPTS) continue;
			if (e.code === 'P0001' && e.message === 'file_quota_exceeded') {
				const detail = JSON.parse(e.detail ?? '{}') as { used?: number; quota?: number };
				throw new FileRequestError('quota_exceeded', 413, { used: detail.used, quota: detail.quota });
			}
			if (e.code === '42501') throw new FileRequestError('forbidden', 403);
			throw error;
		}
	}
}

/** The new file, under its own name or the first "name (n)" that is free in its folder. */
async function insertFile(tx: Queryable, place: Place, name: string): Promise<string> {
	const { rows } = await tx.query<{ id: string }>(
		`insert into public.files (network_id, folder_id, name) values ($1, $2, $3) returning id`,
		[place.networkId, place.folderId, await freeName(tx, place.networkId, place.folderId, name, null)]
	);
	return rows[0].id;
}
