import { randomBytes, randomUUID } from 'node:crypto';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { createFolder } from '../../../src/lib/server/files/changes.ts';
import { addMember, createNetwork, createUser, type TestNetwork, type TestUser } from '../factories.ts';

// A file space to work in, made the way the app makes it: stored objects as
// the service (only the server writes them, once the bytes are stored), each
// file and its first version as the uploader in one transaction, folders as
// a person under the policies.

/** A network of its own, with one person in each role, and a stranger with a network of theirs. */
export async function fileScene(db: Database) {
	const lead = await createUser(db, { displayName: 'Giulia Rinaldi' });
	const editor = await createUser(db, { displayName: 'Marco Ferri' });
	const commenter = await createUser(db, { displayName: 'Anna Colombo' });
	const viewer = await createUser(db, { displayName: 'Paolo De Santis' });
	const outsider = await createUser(db, { displayName: 'Ester Esterni' });
	const network = await createNetwork(db, lead);
	await addMember(db, network, editor, 'editor');
	await addMember(db, network, commenter, 'commenter');
	await addMember(db, network, viewer, 'viewer');
	const elsewhere = await createNetwork(db, outsider);
	return { lead, editor, commenter, viewer, outsider, network, elsewhere };
}

/** A file with one version, stored the way the upload endpoint stores it; its id. */
export async function storeFile(
	db: Database,
	uploader: TestUser,
	network: TestNetwork,
	name: string,
	{ folder = null, contentType = 'application/pdf', size = 1000 }: { folder?: string | null; contentType?: string; size?: number } = {}
): Promise<string> {
	const key = randomUUID();
	await db.query('insert into public.file_objects (storage_key, network_id, size, content_type, sha256) values ($1, $2, $3, $4, $5)', [
		key,
		network.id,
		size,
		contentType,
		randomBytes(32).toString('hex')
	]);
	const id = randomUUID();
	await withUser(db, uploader.claims, async (tx) => {
		await tx.query('insert into public.files (id, network_id, folder_id, name) values ($1, $2, $3, $4)', [id, network.id, folder, name]);
		await tx.query('insert into public.file_versions (file_id, network_id, storage_key, original_name) values ($1, $2, $3, $4)', [
			id,
			network.id,
			key,
			name
		]);
	});
	return id;
}

/** A folder made by `user`, at the top or inside `parent`; its id. */
export async function makeFolder(db: Database, user: TestUser, network: TestNetwork, name: string, parent: string | null = null) {
	const outcome = await withUser(db, user.claims, (tx) => createFolder(tx, network.id, parent, name));
	if (outcome === 'hidden' || 'refused' in outcome) throw new Error(`folder refused: ${JSON.stringify(outcome)}`);
	const { rows } = await db.query<{ id: string }>(
		'select id from public.file_folders where network_id = $1 and parent_id is not distinct from $2 and name = $3',
		[network.id, parent, name]
	);
	return rows[0].id;
}
