import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../databases.ts';
import { entry, recorded as recordedEntries } from '../activity-record.ts';
import { eventually } from '../collab/harness.ts';
import { createCast } from '../conversations/scene.ts';
import { createFolder, restoreVersion, storeObject, uploadFile, uploadVersion, type StoredFile } from '../file-scene.ts';
import type { TestUser } from '../factories.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database, Queryable } from '../../../src/lib/server/db/types.ts';

// What the file space's schema does by itself, whoever writes
// (20261123140000_files.sql and what follows it): the quota, version
// numbers, the file's current version and restores that bring back what
// they name, files that never lack a version, folders that hold no cycle
// and go only when empty, the queue of bytes to remove, and the activity
// record. Who may do what is the policy matrix's (rls-files.ts).

describe.each(backends)('the file space schema on $name', (backend) => {
	let db: Database;
	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	const as = (user: TestUser, sql: string, params: unknown[] = []) => withUser(db, user.claims, (tx) => tx.query(sql, params));
	const setQuota = (network: { id: string }, bytes: number) =>
		db.query('update public.networks set file_quota = $2 where id = $1', [network.id, bytes]);
	/** What file_space() tells `user` about the network. */
	const space = async (user: TestUser, network: { id: string }) =>
		(
			await withUser(db, user.claims, (tx) =>
				tx.query<{ used: number; quota: number | null }>(
					'select used::float8 as used, quota::float8 as quota from public.file_space($1)',
					[network.id]
				)
			)
		).rows[0];
	const fileRow = async (file: { id: string }) =>
		(
			await db.query<Record<string, unknown>>(
				`select current_version_id, version_count, size::float8 as size, content_type, updated_by, folder_id,
				        deleted_at is not null as binned
				 from public.files where id = $1`,
				[file.id]
			)
		).rows[0];
	const keysIn = async (table: 'file_objects' | 'file_removals', keys: string[]) =>
		(
			await db.query<{ key: string }>(
				`select storage_key as key from public.${table} where storage_key = any ($1::uuid[]) order by storage_key`,
				[keys]
			)
		).rows.map((row) => row.key);
	const sorted = (keys: string[]) => [...keys].sort();

	/**
	 * Two transactions at once, on two connections: `first` does its part and
	 * holds its transaction open until `second` waits for one of its locks,
	 * then commits. Postgres only: PGlite has a single connection.
	 */
	async function race<A, B>(first: (tx: Queryable) => Promise<A>, second: (tx: Queryable) => Promise<B>) {
		let started!: () => void;
		let release!: () => void;
		const firstDone = new Promise<void>((resolve) => (started = resolve));
		const released = new Promise<void>((resolve) => (release = resolve));
		const one = db.transaction(async (tx) => {
			const result = await first(tx);
			started();
			await released;
			return result;
		});
		await Promise.race([firstDone, one]);
		const two = db.transaction(second);
		// Without the lock the second never waits: the first commits all the same, and the outcomes say what went wrong.
		await eventually(async () => {
			const { rows } = await db.query<{ waiting: number }>(
				`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`
			);
			expect(rows[0].waiting).toBe(1);
		}, 2_000).catch(() => {});
		release();
		return Promise.allSettled([one, two]);
	}

	describe('the quota', () => {
		it('refuses an object that would take the network past its quota, saying what is used, the quota and the size, and keeps nothing of the upload', async () => {
			const { network, editor } = await createCast(db);
			await setQuota(network, 1000);
			await uploadFile(db, editor, network, { name: 'Bilancio.xlsx', size: 600 });
			// Reaching the quota exactly is allowed.
			await uploadFile(db, editor, network, { name: 'Foto del tavolo.jpg', size: 400 });
			const refusal = await uploadFile(db, editor, network, { name: 'Verbale.pdf', size: 1 }).catch((error: unknown) => error);
			expect(refusal).toMatchObject({ message: 'file_quota_exceeded' });
			expect(JSON.parse((refusal as { detail: string }).detail)).toEqual({ used: 1000, quota: 1000, size: 1 });
			const { rows } = await db.query<{ name: string }>('select name from public.files where network_id = $1 order by name', [network.id]);
			expect(rows.map((row) => row.name)).toEqual(['Bilancio.xlsx', 'Foto del tavolo.jpg']);
			expect(await space(editor, network)).toEqual({ used: 1000, quota: 1000 });
		});

		it('counts every version and the bin, and an object a restored version shares only once', async () => {
			const { network, editor, facilitator } = await createCast(db);
			const file = await uploadFile(db, editor, network, { size: 100 });
			await uploadVersion(db, editor, file, { size: 50 });
			expect(await space(editor, network)).toEqual({ used: 150, quota: 5 * 1024 ** 3 });
			// A full quota does not stop a restore: it stores nothing new.
			await setQuota(network, 150);
			await restoreVersion(db, editor, file, { id: file.versionId, storageKey: file.storageKey });
			expect(await space(editor, network)).toEqual({ used: 150, quota: 150 });
			await as(editor, 'update public.files set deleted_at = now() where id = $1', [file.id]);
			expect(await space(editor, network)).toEqual({ used: 150, quota: 150 });
			await as(facilitator, 'delete from public.files where id = $1', [file.id]);
			expect(await space(editor, network)).toEqual({ used: 0, quota: 150 });
		});

		it('tells someone outside the network nothing through file_space()', async () => {
			const { network, editor, outsider } = await createCast(db);
			await uploadFile(db, editor, network, { size: 100 });
			expect(await space(outsider, network)).toEqual({ used: 0, quota: null });
		});

		it.runIf(backend.name === 'postgres')('lets only one of two uploads at once through when both would not fit', async () => {
			const { network, editor } = await createCast(db);
			await setQuota(network, 1000);
			const outcomes = await race(
				(tx) => storeObject(tx, network, { size: 600 }),
				(tx) => storeObject(tx, network, { size: 600 })
			);
			expect(outcomes[0].status).toBe('fulfilled');
			expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { message: 'file_quota_exceeded' } });
			expect(await space(editor, network)).toEqual({ used: 600, quota: 1000 });
		});
	});

	describe('versions', () => {
		it("numbers versions 1, 2, 3 and keeps the file's current version, size, type and last uploader", async () => {
			const { network, editor, facilitator } = await createCast(db);
			const file = await uploadFile(db, editor, network, { size: 100, contentType: 'application/pdf' });
			expect(await fileRow(file)).toMatchObject({ current_version_id: file.versionId, version_count: 1, updated_by: editor.id });
			const second = await uploadVersion(db, facilitator, file, { size: 250, contentType: 'image/png' });
			expect(second.number).toBe(2);
			expect(await fileRow(file)).toMatchObject({
				current_version_id: second.id,
				version_count: 2,
				size: 250,
				content_type: 'image/png',
				updated_by: facilitator.id
			});
			const third = await restoreVersion(db, editor, file, { id: file.versionId, storageKey: file.storageKey });
			expect(third).toMatchObject({ number: 3, storageKey: file.storageKey });
			expect(await fileRow(file)).toMatchObject({
				current_version_id: third.id,
				version_count: 3,
				size: 100,
				content_type: 'application/pdf',
				updated_by: editor.id
			});
		});

		it('numbers a version itself, whatever number the insert names', async () => {
			const { network, editor } = await createCast(db);
			const file = await uploadFile(db, editor, network);
			const { rows } = await db.query<{ number: number }>(
				`insert into public.file_versions (file_id, network_id, storage_key, original_name, number)
				 values ($1, $2, $3, $4, 1) returning number`,
				[file.id, network.id, file.storageKey, file.name]
			);
			expect(rows[0].number).toBe(2);
		});

		it('refuses a restore that names one version and brings back other bytes', async () => {
			const { network, editor } = await createCast(db);
			const file = await uploadFile(db, editor, network);
			const second = await uploadVersion(db, editor, file);
			const claimed = { id: file.versionId, storageKey: second.storageKey };
			await expect(restoreVersion(db, editor, file, claimed)).rejects.toMatchObject({ message: 'restore_mismatch' });
			expect(await fileRow(file)).toMatchObject({ current_version_id: second.id, version_count: 2 });
		});

		it.runIf(backend.name === 'postgres')('gives two versions uploaded at once the numbers 2 and 3', async () => {
			const { network, editor } = await createCast(db);
			const file = await uploadFile(db, editor, network);
			const version = (tx: Queryable) =>
				storeObject(tx, network).then((key) =>
					tx.query<{ number: number }>(
						`insert into public.file_versions (file_id, network_id, storage_key, original_name)
						 values ($1, $2, $3, $4) returning number`,
						[file.id, network.id, key, file.name]
					)
				);
			const outcomes = await race(version, version);
			const numbers = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.rows[0].number : outcome.reason));
			expect(numbers).toEqual([2, 3]);
			expect(await fileRow(file)).toMatchObject({ version_count: 3 });
		});
	});

	it('refuses to commit a file without a version, and keeps nothing of it', async () => {
		const { network, editor } = await createCast(db);
		const id = randomUUID();
		const insert = 'insert into public.files (id, network_id, name) values ($1, $2, $3)';
		await expect(as(editor, insert, [id, network.id, 'Vuoto.pdf'])).rejects.toMatchObject({ message: 'file_without_version' });
		expect(await fileRow({ id })).toBeUndefined();
	});

	describe('folders', () => {
		it('refuses to move a folder into itself or into a folder inside it, and lets it move anywhere else', async () => {
			const { network, editor } = await createCast(db);
			const project = await createFolder(db, editor, network, 'Progetto');
			const annexes = await createFolder(db, editor, network, 'Allegati', project);
			const photos = await createFolder(db, editor, network, 'Foto', annexes);
			const move = (folder: string, parent: string | null) =>
				as(editor, 'update public.file_folders set parent_id = $2 where id = $1', [folder, parent]);
			for (const inside of [project, annexes, photos]) {
				await expect(move(project, inside), inside).rejects.toMatchObject({ message: 'folder_cycle' });
			}
			await move(photos, null);
			await move(project, photos);
			const { rows } = await db.query<{ id: string; parent_id: string | null }>(
				'select id, parent_id from public.file_folders where network_id = $1 order by name',
				[network.id]
			);
			expect(rows).toEqual([
				{ id: annexes, parent_id: project },
				{ id: photos, parent_id: null },
				{ id: project, parent_id: photos }
			]);
		});

		it('removes a folder only once it is empty; a file in the bin does not keep it, and comes back at the top', async () => {
			const { network, editor } = await createCast(db);
			const minutes = await createFolder(db, editor, network, 'Verbali');
			const year = await createFolder(db, editor, network, '2026', minutes);
			const file = await uploadFile(db, editor, network, { name: 'Verbale del 12 marzo.pdf', folderId: minutes });
			const remove = (folder: string) => as(editor, 'delete from public.file_folders where id = $1', [folder]);
			await expect(remove(minutes)).rejects.toMatchObject({ message: 'folder_not_empty' });
			await remove(year);
			await expect(remove(minutes)).rejects.toMatchObject({ message: 'folder_not_empty' });
			await as(editor, 'update public.files set deleted_at = now() where id = $1', [file.id]);
			await remove(minutes);
			expect(await fileRow(file)).toMatchObject({ folder_id: null, binned: true });
			await as(editor, 'update public.files set deleted_at = null where id = $1', [file.id]);
			expect(await fileRow(file)).toMatchObject({ folder_id: null, binned: false });
		});
	});

	describe('the bytes to remove', () => {
		it('queues the objects of a file deleted for good, once each, but not one that another file still uses', async () => {
			const { network, editor, facilitator } = await createCast(db);
			const file = await uploadFile(db, editor, network, { name: 'Bilancio.xlsx' });
			const second = await uploadVersion(db, editor, file);
			await restoreVersion(db, editor, file, { id: file.versionId, storageKey: file.storageKey });
			// Another file made of the second version's bytes, as a copy would be.
			const copy = await uploadFile(db, editor, network, { name: 'Bilancio (copia).xlsx' });
			await as(editor, 'insert into public.file_versions (file_id, network_id, storage_key, original_name) values ($1, $2, $3, $4)', [
				copy.id,
				network.id,
				second.storageKey,
				copy.name
			]);
			const keys = [file.storageKey, second.storageKey, copy.storageKey];
			await as(facilitator, 'delete from public.files where id = $1', [file.id]);
			expect(await keysIn('file_removals', keys)).toEqual([file.storageKey]);
			expect(await keysIn('file_objects', keys)).toEqual(sorted([second.storageKey, copy.storageKey]));
		});

		it("queues every object of a network that is deleted, and none of another network's", async () => {
			const { network, elsewhere, editor, facilitator, outsider } = await createCast(db);
			const folder = await createFolder(db, editor, network, 'Foto');
			const file = await uploadFile(db, editor, network, { name: 'Lavagna.jpg', folderId: folder });
			const second = await uploadVersion(db, editor, file);
			const binned = await uploadFile(db, editor, network, { name: 'Vecchio avviso.pdf' });
			await as(editor, 'update public.files set deleted_at = now() where id = $1', [binned.id]);
			// An object stored for the network that no version uses yet.
			const loose = await storeObject(db, network);
			const kept = await uploadFile(db, outsider, elsewhere);
			const keys = [file.storageKey, second.storageKey, binned.storageKey, loose, kept.storageKey];
			await as(facilitator, 'delete from public.networks where id = $1', [network.id]);
			expect(await keysIn('file_removals', keys)).toEqual(sorted([file.storageKey, second.storageKey, binned.storageKey, loose]));
			expect(await keysIn('file_objects', keys)).toEqual([kept.storageKey]);
			for (const table of ['file_folders', 'files', 'file_versions', 'attachments']) {
				const { rows } = await db.query(`select 1 from public.${table} where network_id = $1`, [network.id]);
				expect(rows, table).toEqual([]);
			}
		});
	});

	describe('the activity record', () => {
		// Every action the tests below see recorded, held against the enum by the last of them.
		const seen = new Set<string>();
		const recorded = async (...args: Parameters<typeof recordedEntries>) => {
			const entries = await recordedEntries(...args);
			for (const { action } of entries) seen.add(action);
			return entries;
		};

		it('records uploads and new and restored versions by who uploaded them, and not the bookkeeping that follows', async () => {
			const { network, editor, facilitator } = await createCast(db);
			let file!: StoredFile;
			const uploaded = await recorded(db, network, async () => {
				file = await uploadFile(db, editor, network, { name: 'Avviso pubblico.pdf', size: 100 });
			});
			const subject = { id: file.id, title: 'Avviso pubblico.pdf' };
			expect(uploaded).toEqual([entry(editor, 'file_uploaded', subject, { version: 1, size: 100 })]);
			expect(await recorded(db, network, () => uploadVersion(db, facilitator, file, { size: 250 }))).toEqual([
				entry(facilitator, 'file_version_uploaded', subject, { version: 2, size: 250 })
			]);
			const restore = () => restoreVersion(db, editor, file, { id: file.versionId, storageKey: file.storageKey });
			expect(await recorded(db, network, restore)).toEqual([
				entry(editor, 'file_version_restored', subject, { version: 3, size: 100, from: 1 })
			]);
		});

		it('records renames and moves with the names of the folders, and folders made, renamed and removed', async () => {
			const { network, editor } = await createCast(db);
			const file = await uploadFile(db, editor, network, { name: 'Avviso.pdf' });
			let folder = '';
			const made = await recorded(db, network, async () => {
				folder = await createFolder(db, editor, network, 'Avvisi');
			});
			expect(made).toEqual([entry(editor, 'folder_created', { id: folder, title: 'Avvisi' })]);
			const renamed = await recorded(db, network, () =>
				as(editor, `update public.files set name = 'Avviso 2027.pdf' where id = $1`, [file.id])
			);
			const subject = { id: file.id, title: 'Avviso 2027.pdf' };
			expect(renamed).toEqual([entry(editor, 'file_renamed', subject, { from: 'Avviso.pdf', to: 'Avviso 2027.pdf' })]);
			const moveTo = (target: string | null) =>
				recorded(db, network, () => as(editor, 'update public.files set folder_id = $2 where id = $1', [file.id, target]));
			expect(await moveTo(folder)).toEqual([entry(editor, 'file_moved', subject, { from: null, to: 'Avvisi' })]);
			const folderRenamed = await recorded(db, network, () =>
				as(editor, `update public.file_folders set name = 'Bandi' where id = $1`, [folder])
			);
			expect(folderRenamed).toEqual([entry(editor, 'folder_renamed', { id: folder, title: 'Bandi' }, { from: 'Avvisi', to: 'Bandi' })]);
			expect(await moveTo(null)).toEqual([entry(editor, 'file_moved', subject, { from: 'Bandi', to: null })]);
			const removed = await recorded(db, network, () => as(editor, 'delete from public.file_folders where id = $1', [folder]));
			expect(removed).toEqual([entry(editor, 'folder_deleted', { id: folder, title: 'Bandi' })]);
		});

		it('records the bin, a restore from it and a deletion for good by who did them, and by nobody when the server empties the bin', async () => {
			const { network, editor, facilitator } = await createCast(db);
			const file = await uploadFile(db, editor, network, { name: 'Foto lavagna.jpg' });
			const subject = { id: file.id, title: 'Foto lavagna.jpg' };
			const bin = (user: TestUser) => as(user, 'update public.files set deleted_at = now() where id = $1', [file.id]);
			expect(await recorded(db, network, () => bin(editor))).toEqual([entry(editor, 'file_deleted', subject)]);
			const restore = () => as(editor, 'update public.files set deleted_at = null where id = $1', [file.id]);
			expect(await recorded(db, network, restore)).toEqual([entry(editor, 'file_restored', subject)]);
			await bin(editor);
			const purge = () => as(facilitator, 'delete from public.files where id = $1', [file.id]);
			expect(await recorded(db, network, purge)).toEqual([entry(facilitator, 'file_purged', subject)]);

			const expired = await uploadFile(db, editor, network, { name: 'Bozza.docx' });
			await as(editor, 'update public.files set deleted_at = now() where id = $1', [expired.id]);
			const emptied = () => db.query('delete from public.files where id = $1', [expired.id]);
			expect(await recorded(db, network, emptied)).toEqual([entry(null, 'file_purged', { id: expired.id, title: 'Bozza.docx' })]);
		});

		// Tests in a file run in order, so this one fails when an action of the file space has no test above.
		it('has no action of the file space that the tests above do not see recorded', async () => {
			const { rows } = await db.query<{ action: string }>(
				`select action::text from unnest(enum_range(null::public.activity_action)) as action where action::text ~ '^(file|folder)_'`
			);
			expect([...seen].sort()).toEqual(rows.map((row) => row.action).sort());
		});
	});
});
