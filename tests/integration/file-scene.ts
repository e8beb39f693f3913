import { createHash, randomUUID } from 'node:crypto';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database, Queryable } from '../../src/lib/server/db/types.ts';
import { unique, type TestUser } from './factories.ts';

// A network's files written the way an upload writes them: once the bytes
// are in the store, the server records the stored object (nobody else may),
// and in the same transaction the person's file and version rows follow,
// under the row-level policies and the triggers under test. No bytes are
// stored anywhere: these helpers are about the rows, and every integration
// test that needs a file or a folder takes it from here (the endpoints'
// tests upload real bytes through files/harness.ts instead).

export interface ObjectOptions {
	/** The server's name for the object; a new one unless given. */
	key?: string;
	size?: number;
	contentType?: string;
}

export interface StoredFile {
	id: string;
	networkId: string;
	name: string;
	versionId: string;
	storageKey: string;
}

export interface StoredVersion {
	id: string;
	storageKey: string;
	number: number;
}

/** Records, as the service, an object stored for `network`, and returns its key. */
export async function storeObject(tx: Queryable, network: { id: string }, options: ObjectOptions = {}): Promise<string> {
	const key = options.key ?? randomUUID();
	await tx.query(
		`insert into public.file_objects (storage_key, network_id, size, content_type, sha256) values ($1, $2, $3, $4, $5)`,
		[
			key,
			network.id,
			options.size ?? 1024,
			options.contentType ?? 'application/pdf',
			createHash('sha256').update(key).digest('hex')
		]
	);
	return key;
}

/** One transaction as an upload commits it: the service records the object, then `person` writes what uses it. */
function uploading<T>(
	db: Database,
	person: TestUser,
	network: { id: string },
	object: ObjectOptions,
	fn: (tx: Queryable, key: string) => Promise<T>
): Promise<T> {
	return withUser(db, person.claims, async (tx) => {
		// withUser has made this transaction the person's; the object is the server's to record.
		await tx.query('reset role');
		const key = await storeObject(tx, network, object);
		await tx.query(`select set_config('role', 'authenticated', true)`);
		return fn(tx, key);
	});
}

const versionOf = async (tx: Queryable, id: string): Promise<StoredVersion> =>
	(
		await tx.query<StoredVersion>(
			`select id, storage_key as "storageKey", number from public.file_versions where id = $1`,
			[id]
		)
	).rows[0];

/** A new file of `network` uploaded by `uploader`, at the top or in a folder: the file and its first version. */
export async function uploadFile(
	db: Database,
	uploader: TestUser,
	network: { id: string },
	options: ObjectOptions & { name?: string; folderId?: string | null } = {}
): Promise<StoredFile> {
	const id = randomUUID();
	const versionId = randomUUID();
	const name = options.name ?? `${unique('Allegato')}.pdf`;
	const storageKey = await uploading(db, uploader, network, options, async (tx, key) => {
		await tx.query('insert into public.files (id, network_id, folder_id, name) values ($1, $2, $3, $4)', [
			id,
			network.id,
			options.folderId ?? null,
			name
		]);
		await tx.query(
			'insert into public.file_versions (id, file_id, network_id, storage_key, original_name) values ($1, $2, $3, $4, $5)',
			[versionId, id, network.id, key, name]
		);
		return key;
	});
	return { id, networkId: network.id, name, versionId, storageKey };
}

/** A new version of `file`, with bytes of its own, uploaded by `uploader` under the file's name or `originalName`. */
export function uploadVersion(
	db: Database,
	uploader: TestUser,
	file: { id: string; networkId: string; name: string },
	options: ObjectOptions & { originalName?: string } = {}
): Promise<StoredVersion> {
	return uploading(db, uploader, { id: file.networkId }, options, async (tx, key) => {
		const { rows } = await tx.query<{ id: string }>(
			`insert into public.file_versions (file_id, network_id, storage_key, original_name) values ($1, $2, $3, $4) returning id`,
			[file.id, file.networkId, key, options.originalName ?? file.name]
		);
		return versionOf(tx, rows[0].id);
	});
}

/** An earlier version of `file` brought back by `person`: a new version sharing that version's object. */
export function restoreVersion(
	db: Database,
	person: TestUser,
	file: { id: string; networkId: string; name: string },
	earlier: { id: string; storageKey: string }
): Promise<StoredVersion> {
	return withUser(db, person.claims, async (tx) => {
		const { rows } = await tx.query<{ id: string }>(
			`insert into public.file_versions (file_id, network_id, storage_key, original_name, restored_from)
			 values ($1, $2, $3, $4, $5) returning id`,
			[file.id, file.networkId, earlier.storageKey, file.name, earlier.id]
		);
		return versionOf(tx, rows[0].id);
	});
}

/** A folder of `network` made by `creator`, at the top or inside `parentId`. */
export async function createFolder(
	db: Database,
	creator: TestUser,
	network: { id: string },
	name: string,
	parentId: string | null = null
): Promise<string> {
	const id = randomUUID();
	await withUser(db, creator.claims, (tx) =>
		tx.query('insert into public.file_folders (id, network_id, parent_id, name) values ($1, $2, $3, $4)', [
			id,
			network.id,
			parentId,
			name
		])
	);
	return id;
}
