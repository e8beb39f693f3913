import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../databases.ts';
import { createNetworkCast, unique, type TestNetwork, type TestUser } from '../factories.ts';
import { uploadFile, uploadVersion as newVersion, type StoredFile } from '../file-scene.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import {
	listFileVersions,
	openFile,
	restoreSchema,
	restoreVersion
} from '../../../src/lib/server/files/versions.ts';
import { breadcrumbs, fileSpace } from '../../../src/lib/server/files/queries.ts';

// One file's page as each person: its details, its versions, and restoring
// an earlier one. The policies decide who sees and who restores; a restore
// reuses the stored object of the version it brings back.

describe.each(backends)('a file and its versions, as each person, on $name', (backend) => {
	let db: Database;
	let lead: TestUser;
	let editor: TestUser;
	let viewer: TestUser;
	let outsider: TestUser;
	let network: TestNetwork;
	let other: TestNetwork;
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);

	/** A text file and its first version, uploaded by `user`, its size that of a first draft. */
	const createFile = (user: TestUser, network: TestNetwork, options: { name?: string; folderId?: string } = {}) =>
		uploadFile(db, user, network, {
			name: `${unique('verbale')}.txt`,
			...options,
			contentType: 'text/plain',
			size: Buffer.byteLength('prima stesura del verbale')
		});
	/** A new version of `file` uploaded by `user` as `name`, its size that of `content`; its stored object's key. */
	const uploadVersion = async (user: TestUser, file: StoredFile, name: string, content: string) =>
		(await newVersion(db, user, file, { originalName: name, contentType: 'text/plain', size: Buffer.byteLength(content) })).storageKey;

	const versionsOf = (user: TestUser, fileId: string) => as(user, (tx) => listFileVersions(tx, fileId));
	const keysOf = async (fileId: string) =>
		(
			await db.query<{ number: number; key: string }>(
				'select number, storage_key as key from public.file_versions where file_id = $1 order by number',
				[fileId]
			)
		).rows;
	const objectCount = async (networkId: string) =>
		(await db.query<{ n: number }>('select count(*)::int as n from public.file_objects where network_id = $1', [networkId]))
			.rows[0].n;

	beforeAll(async () => {
		db = await backend.fresh();
		({ facilitator: lead, editor, viewer, outsider, network, elsewhere: other } = await createNetworkCast(db));
	});
	afterAll(() => db?.close());

	it('restores version 1 as version 3, on the same stored object, and makes it current', async () => {
		const file = await createFile(editor, network, { name: 'bilancio.txt' });
		const secondKey = await uploadVersion(lead, file, 'bilancio rivisto.txt', 'seconda stesura, più lunga della prima');
		const [first] = (await versionsOf(editor, file.id)).filter((v) => v.number === 1);
		const objects = await objectCount(network.id);

		const outcome = await as(editor, (tx) =>
			restoreVersion(tx, { networkId: network.id, fileId: file.id, versionId: first.id })
		);
		expect(outcome).toEqual({ restored: { from: 1, to: 3 } });

		expect(await keysOf(file.id)).toEqual([
			{ number: 1, key: file.storageKey },
			{ number: 2, key: secondKey },
			{ number: 3, key: file.storageKey }
		]);
		// No bytes stored twice: the quota counts the object once.
		expect(await objectCount(network.id)).toBe(objects);

		const versions = await versionsOf(viewer, file.id);
		expect(versions.map((v) => [v.number, v.originalName, v.restoredFrom, v.uploadedByName])).toEqual([
			[3, 'bilancio.txt', 1, 'Marco Ferri'],
			[2, 'bilancio rivisto.txt', null, 'Giulia Rinaldi'],
			[1, 'bilancio.txt', null, 'Marco Ferri']
		]);
		const detail = await as(viewer, (tx) => openFile(tx, network.id, file.id));
		expect(detail).toMatchObject({
			name: 'bilancio.txt',
			versionCount: 3,
			currentVersionId: versions[0].id,
			size: versions[2].size,
			updatedByName: 'Marco Ferri',
			deletedAt: null,
			mayUpload: false
		});
		const stored = await db.query<{ used: number }>(
			'select sum(size)::float8 as used from public.file_objects where network_id = $1',
			[network.id]
		);
		expect(await as(viewer, (tx) => fileSpace(tx, network.id))).toEqual({ used: stored.rows[0].used, quota: 5 * 1024 ** 3 });
		expect(versions[0].size).toBe(versions[2].size);
		expect(versions[1].size).not.toBe(versions[2].size);
	});

	it('records the restore in the activity with the number it came from', async () => {
		const file = await createFile(editor, network);
		await uploadVersion(editor, file, file.name, 'un’altra stesura');
		const [, first] = await versionsOf(editor, file.id);
		await as(lead, (tx) => restoreVersion(tx, { networkId: network.id, fileId: file.id, versionId: first.id }));
		const { rows } = await db.query<{ action: string; details: { version: number; from: number } }>(
			`select action::text as action, details from public.activity where subject_id = $1 order by id desc limit 1`,
			[file.id]
		);
		expect(rows[0]).toMatchObject({ action: 'file_version_restored', details: { version: 3, from: 1 } });
	});

	it('refuses a viewer who restores, leaving the versions as they were', async () => {
		const file = await createFile(editor, network);
		await uploadVersion(editor, file, file.name, 'seconda');
		const [, first] = await versionsOf(viewer, file.id);
		await expect(
			as(viewer, (tx) => restoreVersion(tx, { networkId: network.id, fileId: file.id, versionId: first.id }))
		).rejects.toMatchObject({ code: '42501' });
		expect((await keysOf(file.id)).map((v) => v.number)).toEqual([1, 2]);
	});

	it('does not restore the version that is already current', async () => {
		const file = await createFile(editor, network);
		const [current] = await versionsOf(editor, file.id);
		expect(
			await as(editor, (tx) => restoreVersion(tx, { networkId: network.id, fileId: file.id, versionId: current.id }))
		).toEqual({ refused: 'fileVersions.alreadyCurrent' });
		expect(await keysOf(file.id)).toHaveLength(1);
	});

	it('shows a file in the bin to every member, with its date for good, and restores no version of it', async () => {
		const file = await createFile(editor, network);
		await uploadVersion(editor, file, file.name, 'seconda');
		await as(editor, (tx) => tx.query('update public.files set deleted_at = now() where id = $1', [file.id]));
		const detail = await as(viewer, (tx) => openFile(tx, network.id, file.id));
		expect(detail?.deletedAt).toBeInstanceOf(Date);
		expect(detail?.deletedByName).toBe('Marco Ferri');
		expect(detail!.purgeAt!.getTime() - detail!.deletedAt!.getTime()).toBe(30 * 24 * 60 * 60 * 1000);

		const [, first] = await versionsOf(editor, file.id);
		expect(
			await as(editor, (tx) => restoreVersion(tx, { networkId: network.id, fileId: file.id, versionId: first.id }))
		).toEqual({ refused: 'fileVersions.restoreInBin' });
		expect(await keysOf(file.id)).toHaveLength(2);
	});

	it('hides a file and its versions from another network’s member, even with their ids', async () => {
		const file = await createFile(editor, network);
		const [version] = await versionsOf(editor, file.id);
		expect(await as(outsider, (tx) => openFile(tx, network.id, file.id))).toBeNull();
		expect(await as(outsider, (tx) => openFile(tx, other.id, file.id))).toBeNull();
		expect(await versionsOf(outsider, file.id)).toEqual([]);
		expect(
			await as(outsider, (tx) => restoreVersion(tx, { networkId: other.id, fileId: file.id, versionId: version.id }))
		).toEqual({ refused: 'fileVersions.versionNotFound' });
		// Forged ids: the outsider's own network with this network's version.
		await expect(
			as(outsider, (tx) =>
				tx.query(
					`insert into public.file_versions (file_id, network_id, storage_key, original_name, restored_from)
					 values ($1, $2, $3, 'forged.txt', $4)`,
					[file.id, other.id, file.storageKey, version.id]
				)
			)
		).rejects.toMatchObject({ code: expect.stringMatching(/^(42501|23503)$/) });
		expect(await keysOf(file.id)).toHaveLength(1);
	});

	it('does not open a file of its own network under another network’s address', async () => {
		const theirs = await createFile(outsider, other);
		expect(await as(lead, (tx) => openFile(tx, network.id, theirs.id))).toBeNull();
		expect(await as(lead, (tx) => openFile(tx, other.id, theirs.id))).toBeNull();
		const [version] = await versionsOf(outsider, theirs.id);
		expect(
			await as(lead, (tx) => restoreVersion(tx, { networkId: network.id, fileId: theirs.id, versionId: version.id }))
		).toEqual({ refused: 'fileVersions.versionNotFound' });
	});

	it('says whether the person may upload, and where the file sits, from the top down', async () => {
		const top = randomUUID();
		const inner = randomUUID();
		await as(lead, async (tx) => {
			await tx.query(`insert into public.file_folders (id, network_id, name) values ($1, $2, 'Bandi')`, [top, network.id]);
			await tx.query(`insert into public.file_folders (id, network_id, parent_id, name) values ($1, $2, $3, '2027')`, [
				inner,
				network.id,
				top
			]);
		});
		const file = await createFile(editor, network, { folderId: inner });
		expect((await as(editor, (tx) => openFile(tx, network.id, file.id)))?.mayUpload).toBe(true);
		expect((await as(lead, (tx) => openFile(tx, network.id, file.id)))?.mayUpload).toBe(true);
		expect(await as(viewer, (tx) => breadcrumbs(tx, network.id, inner))).toEqual([
			{ id: top, name: 'Bandi' },
			{ id: inner, name: '2027' }
		]);
		expect(await as(outsider, (tx) => breadcrumbs(tx, network.id, inner))).toEqual([]);
	});

	it('accepts only a version id in the restore form', () => {
		expect(restoreSchema.safeParse({ version: randomUUID() }).success).toBe(true);
		expect(restoreSchema.safeParse({ version: '1' }).success).toBe(false);
		expect(restoreSchema.safeParse({}).success).toBe(false);
	});
});
