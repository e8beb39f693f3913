import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../databases.ts';
import { createNetworkCast, type TestNetwork, type TestUser } from '../factories.ts';
import { createFolder as makeFolder, uploadFile } from '../file-scene.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { refusalKey } from '../../../src/lib/server/db/errors.ts';
import { fileListQuery, type FileListQuery } from '../../../src/lib/files/space.ts';
import { numberedName } from '../../../src/lib/files/names.ts';
import { breadcrumbs, fileSpace, folderTree, listBin, listFolder } from '../../../src/lib/server/files/queries.ts';
import {
	binFile,
	createFolder,
	deleteFolder,
	moveFile,
	moveFolder,
	purgeFile,
	renameFile,
	renameFolder,
	restoreFile,
	type Named
} from '../../../src/lib/server/files/changes.ts';

// The file space pages' queries and changes, run as each person: what they
// see and may change is decided by the policies and triggers, never by the
// query.

describe.each(backends)('file space queries as each person, on $name', (backend) => {
	let db: Database;
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);

	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	const scene = () => createNetworkCast(db);
	/** A file of `network` uploaded by `uploader`, at the top or in `folder`; its id. */
	const storeFile = async (
		uploader: TestUser,
		network: TestNetwork,
		name: string,
		{ folder = null, ...object }: { folder?: string | null; contentType?: string; size?: number } = {}
	) => (await uploadFile(db, uploader, network, { name, folderId: folder, ...object })).id;
	const folderAs = (user: TestUser, network: TestNetwork, name: string, parent: string | null = null) =>
		makeFolder(db, user, network, name, parent);

	/** A change that must be made; its name afterwards. */
	const done = (outcome: Named) => {
		if (outcome === 'hidden' || 'refused' in outcome) throw new Error(`change refused: ${JSON.stringify(outcome)}`);
		return outcome.ok.name;
	};

	const query = (options: Partial<FileListQuery> = {}): FileListQuery => ({ ...fileListQuery(new URLSearchParams()), ...options });
	const names = (items: { name: string }[]) => items.map((item) => item.name);
	/** The refusal a change raised, as the page would put it into words. */
	const refusalOf = (change: Promise<unknown>) =>
		change.then(
			() => null,
			(error: unknown) => refusalKey(error) ?? error
		);

	describe('browsing', () => {
		it('lists a folder’s folders first, by name, then its files with who uploaded them', async () => {
			const { facilitator, editor, viewer, network } = await scene();
			const notices = await folderAs(editor, network, 'Avvisi');
			await folderAs(editor, network, 'bilanci');
			await folderAs(editor, network, 'Verbali', notices);
			await storeFile(editor, network, 'Zeta.pdf');
			await storeFile(facilitator, network, 'Àvviso pubblico.pdf', { contentType: 'application/pdf', size: 2048 });
			await storeFile(editor, network, 'Avviso firmato.pdf', { folder: notices });

			const top = await as(viewer, (tx) => listFolder(tx, network.id, query()));
			expect(top?.breadcrumbs).toEqual([]);
			expect(top?.folders).toEqual([
				{ id: notices, name: 'Avvisi', itemCount: 2 },
				{ id: expect.any(String), name: 'bilanci', itemCount: 0 }
			]);
			// Accents and case aside, as a person reads names.
			expect(names(top!.files)).toEqual(['Àvviso pubblico.pdf', 'Zeta.pdf']);
			expect(top!.files[0]).toMatchObject({
				size: 2048,
				contentType: 'application/pdf',
				versionCount: 1,
				uploader: { id: facilitator.id, name: 'Giulia Rinaldi' }
			});
			expect(top!.fileCount).toBe(2);

			const inside = await as(viewer, (tx) => listFolder(tx, network.id, query({ folder: notices })));
			expect(inside?.breadcrumbs).toEqual([{ id: notices, name: 'Avvisi' }]);
			expect(names(inside!.folders)).toEqual(['Verbali']);
			expect(names(inside!.files)).toEqual(['Avviso firmato.pdf']);
		});

		it('sorts files by name, date, size and type, either way', async () => {
			const { editor, network } = await scene();
			await storeFile(editor, network, 'b-budget.xlsx', { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 300 });
			await storeFile(editor, network, 'c-foto.png', { contentType: 'image/png', size: 100 });
			await storeFile(editor, network, 'a-avviso.pdf', { contentType: 'application/pdf', size: 200 });
			const sorted = async (sort: FileListQuery['sort']) =>
				names((await as(editor, (tx) => listFolder(tx, network.id, query({ sort }))))!.files);

			expect(await sorted('name')).toEqual(['a-avviso.pdf', 'b-budget.xlsx', 'c-foto.png']);
			expect(await sorted('-name')).toEqual(['c-foto.png', 'b-budget.xlsx', 'a-avviso.pdf']);
			expect(await sorted('date')).toEqual(['b-budget.xlsx', 'c-foto.png', 'a-avviso.pdf']);
			expect(await sorted('-date')).toEqual(['a-avviso.pdf', 'c-foto.png', 'b-budget.xlsx']);
			expect(await sorted('size')).toEqual(['c-foto.png', 'a-avviso.pdf', 'b-budget.xlsx']);
			expect(await sorted('-size')).toEqual(['b-budget.xlsx', 'a-avviso.pdf', 'c-foto.png']);
			expect(await sorted('type')).toEqual(['a-avviso.pdf', 'b-budget.xlsx', 'c-foto.png']);
			expect(await sorted('-type')).toEqual(['c-foto.png', 'b-budget.xlsx', 'a-avviso.pdf']);
		});

		it('filters by kind (leaving folders out) and by words of the name (folders included)', async () => {
			const { editor, network } = await scene();
			await folderAs(editor, network, 'Foto del tavolo');
			await storeFile(editor, network, 'Foto lavagna 1.png', { contentType: 'image/png' });
			await storeFile(editor, network, 'foto lavagna 2.jpg', { contentType: 'image/jpeg' });
			await storeFile(editor, network, 'Avviso 100%.pdf', { contentType: 'application/pdf' });

			const images = await as(editor, (tx) => listFolder(tx, network.id, query({ kind: 'image' })));
			expect(images?.folders).toEqual([]);
			expect(names(images!.files)).toEqual(['Foto lavagna 1.png', 'foto lavagna 2.jpg']);
			const pdfs = await as(editor, (tx) => listFolder(tx, network.id, query({ kind: 'pdf' })));
			expect(names(pdfs!.files)).toEqual(['Avviso 100%.pdf']);

			const typed = await as(editor, (tx) => listFolder(tx, network.id, query({ q: 'FOTO' })));
			expect(names(typed!.folders)).toEqual(['Foto del tavolo']);
			expect(names(typed!.files)).toEqual(['Foto lavagna 1.png', 'foto lavagna 2.jpg']);
			// Every word, in any order; % is itself, not a wildcard.
			expect(names((await as(editor, (tx) => listFolder(tx, network.id, query({ q: '2 lavagna' }))))!.files)).toEqual([
				'foto lavagna 2.jpg'
			]);
			expect(names((await as(editor, (tx) => listFolder(tx, network.id, query({ q: '100%' }))))!.files)).toEqual(['Avviso 100%.pdf']);
			expect(names((await as(editor, (tx) => listFolder(tx, network.id, query({ q: '0%' }))))!.files)).toEqual(['Avviso 100%.pdf']);
			expect((await as(editor, (tx) => listFolder(tx, network.id, query({ q: '%' }))))!.fileCount).toBe(1);
		});

		it('pages through a folder’s files, counting them all, with the folders on the first page only', async () => {
			const { editor, network } = await scene();
			await folderAs(editor, network, 'Archivio');
			for (const n of [1, 2, 3, 4, 5]) await storeFile(editor, network, `Verbale ${n}.pdf`);
			const pageOf = (page: number) => as(editor, (tx) => listFolder(tx, network.id, query({ page }), 2));

			const first = await pageOf(1);
			expect([names(first!.folders), names(first!.files), first!.fileCount]).toEqual([['Archivio'], ['Verbale 1.pdf', 'Verbale 2.pdf'], 5]);
			const third = await pageOf(3);
			expect([names(third!.folders), names(third!.files), third!.fileCount]).toEqual([[], ['Verbale 5.pdf'], 5]);
			// Past the end: nothing listed, the count still true.
			const past = await pageOf(9);
			expect([past!.files, past!.fileCount]).toEqual([[], 5]);
		});

		it('leaves files in the bin out of their folder', async () => {
			const { editor, network } = await scene();
			const id = await storeFile(editor, network, 'Bozza.pdf');
			await storeFile(editor, network, 'Finale.pdf');
			done(await as(editor, (tx) => binFile(tx, network.id, id)));
			expect(names((await as(editor, (tx) => listFolder(tx, network.id, query())))!.files)).toEqual(['Finale.pdf']);
		});

		it('shows nothing of a network to a stranger, and no folder of another network to a member', async () => {
			const { editor, outsider, network, elsewhere } = await scene();
			const folder = await folderAs(editor, network, 'Riservata');
			await storeFile(editor, network, 'Bilancio.xlsx', { folder, size: 5000 });
			const theirs = await folderAs(outsider, elsewhere, 'Loro');

			expect(await as(outsider, (tx) => listFolder(tx, network.id, query({ folder })))).toBeNull();
			expect(await as(outsider, (tx) => listFolder(tx, network.id, query()))).toEqual({
				breadcrumbs: [],
				folders: [],
				files: [],
				fileCount: 0
			});
			expect(await as(outsider, (tx) => folderTree(tx, network.id))).toEqual([]);
			expect(await as(outsider, (tx) => listBin(tx, network.id))).toEqual({ files: [], count: 0 });
			expect((await as(outsider, (tx) => fileSpace(tx, network.id))).used).toBe(0);
			// Asking for another network's folder under this network finds nothing.
			expect(await as(editor, (tx) => listFolder(tx, network.id, query({ folder: theirs })))).toBeNull();
		});

		it('gives the path down to a nested folder and the whole tree for "move to"', async () => {
			const { editor, viewer, network } = await scene();
			const a = await folderAs(editor, network, 'Bandi');
			const b = await folderAs(editor, network, '2027', a);
			const c = await folderAs(editor, network, 'Moduli', b);
			const d = await folderAs(editor, network, 'Amministrazione');
			const e = await folderAs(editor, network, 'Bandi scaduti');

			expect(await as(viewer, (tx) => breadcrumbs(tx, network.id, c))).toEqual([
				{ id: a, name: 'Bandi' },
				{ id: b, name: '2027' },
				{ id: c, name: 'Moduli' }
			]);
			expect(await as(viewer, (tx) => folderTree(tx, network.id))).toEqual([
				{ id: d, path: ['Amministrazione'], ids: [d] },
				{ id: a, path: ['Bandi'], ids: [a] },
				{ id: b, path: ['Bandi', '2027'], ids: [a, b] },
				{ id: c, path: ['Bandi', '2027', 'Moduli'], ids: [a, b, c] },
				{ id: e, path: ['Bandi scaduti'], ids: [e] }
			]);
		});

		it('tells how much of the quota the versions of every file use, the bin’s included', async () => {
			const { editor, network } = await scene();
			const id = await storeFile(editor, network, 'Grande.zip', { size: 3000, contentType: 'application/zip' });
			await storeFile(editor, network, 'Piccolo.txt', { size: 500, contentType: 'text/plain' });
			done(await as(editor, (tx) => binFile(tx, network.id, id)));
			expect(await as(editor, (tx) => fileSpace(tx, network.id))).toEqual({ used: 3500, quota: 5 * 1024 ** 3 });
		});
	});

	describe('renaming and moving', () => {
		it('renames a file, and refuses a name another file of the folder has, case aside', async () => {
			const { editor, network } = await scene();
			const id = await storeFile(editor, network, 'bozza.pdf');
			await storeFile(editor, network, 'Avviso.pdf');
			expect(await as(editor, (tx) => renameFile(tx, network.id, id, 'Avviso 2027.pdf'))).toEqual({ ok: { name: 'Avviso 2027.pdf' } });
			expect(await refusalOf(as(editor, (tx) => renameFile(tx, network.id, id, 'AVVISO.pdf')))).toBe('files.nameTaken');
			// Renaming to its own name in another case is no conflict.
			expect(await as(editor, (tx) => renameFile(tx, network.id, id, 'avviso 2027.PDF'))).toEqual({ ok: { name: 'avviso 2027.PDF' } });
		});

		it('lets only facilitators and editors rename, move or bin; the others touch nothing', async () => {
			const { facilitator, editor, commenter, viewer, outsider, network } = await scene();
			const id = await storeFile(editor, network, 'Patto.pdf');
			const folder = await folderAs(facilitator, network, 'Patti');
			for (const person of [commenter, viewer, outsider]) {
				expect(await as(person, (tx) => renameFile(tx, network.id, id, 'Altro.pdf'))).toBe('hidden');
				expect(await as(person, (tx) => binFile(tx, network.id, id))).toBe('hidden');
				expect(await as(person, (tx) => renameFolder(tx, network.id, folder, 'Altro'))).toBe('hidden');
				expect(await as(person, (tx) => deleteFolder(tx, network.id, folder))).toBe('hidden');
			}
			// A move into a folder they can see is hidden; a stranger cannot even see the folder.
			expect(await as(viewer, (tx) => moveFile(tx, network.id, id, folder))).toBe('hidden');
			expect(await as(outsider, (tx) => moveFile(tx, network.id, id, folder))).toEqual({ refused: 'files.folderGone' });
			expect(await refusalOf(as(viewer, (tx) => createFolder(tx, network.id, null, 'Mia')))).toBe('errors.not_allowed');
			const { rows } = await db.query('select name, folder_id, deleted_at from public.files where id = $1', [id]);
			expect(rows).toEqual([{ name: 'Patto.pdf', folder_id: null, deleted_at: null }]);
			expect(await as(facilitator, (tx) => renameFile(tx, network.id, id, 'Patto firmato.pdf'))).toEqual({ ok: { name: 'Patto firmato.pdf' } });
		});

		it('moves a file into a folder and back to the top, refusing a folder of another network or a name taken there', async () => {
			const { editor, outsider, network, elsewhere } = await scene();
			const folder = await folderAs(editor, network, 'Moduli');
			const theirs = await folderAs(outsider, elsewhere, 'Loro');
			const id = await storeFile(editor, network, 'Modulo A.pdf');
			await storeFile(editor, network, 'modulo a.pdf', { folder });

			expect(await as(editor, (tx) => moveFile(tx, network.id, id, theirs))).toEqual({ refused: 'files.folderGone' });
			expect(await refusalOf(as(editor, (tx) => moveFile(tx, network.id, id, folder)))).toBe('files.nameTaken');
			done(await as(editor, (tx) => renameFile(tx, network.id, id, 'Modulo B.pdf')));
			expect(await as(editor, (tx) => moveFile(tx, network.id, id, folder))).toEqual({ ok: { name: 'Modulo B.pdf' } });
			expect(names((await as(editor, (tx) => listFolder(tx, network.id, query({ folder }))))!.files)).toEqual([
				'modulo a.pdf',
				'Modulo B.pdf'
			]);
			done(await as(editor, (tx) => moveFile(tx, network.id, id, null)));
			expect(names((await as(editor, (tx) => listFolder(tx, network.id, query())))!.files)).toEqual(['Modulo B.pdf']);
		});

		it('makes, renames and moves folders, refusing a name taken beside them and a move into themselves', async () => {
			const { editor, network } = await scene();
			const a = await folderAs(editor, network, 'Tavoli');
			const b = await folderAs(editor, network, 'Lavoro', a);
			await folderAs(editor, network, 'Sociale');

			expect(await refusalOf(as(editor, (tx) => createFolder(tx, network.id, null, 'TAVOLI')))).toBe('files.folderNameTaken');
			// The same name one level down is another place.
			await folderAs(editor, network, 'Tavoli', a);
			expect(await refusalOf(as(editor, (tx) => renameFolder(tx, network.id, a, 'sociale')))).toBe('files.folderNameTaken');
			expect(await refusalOf(as(editor, (tx) => moveFolder(tx, network.id, a, b)))).toBe('files.folderCycle');
			expect(await refusalOf(as(editor, (tx) => moveFolder(tx, network.id, a, a)))).toBe('files.folderCycle');
			expect(await as(editor, (tx) => moveFolder(tx, network.id, b, null))).toEqual({ ok: { name: 'Lavoro' } });
			expect(await as(editor, (tx) => renameFolder(tx, network.id, b, 'Lavoro e formazione'))).toEqual({
				ok: { name: 'Lavoro e formazione' }
			});
			expect(names((await as(editor, (tx) => listFolder(tx, network.id, query())))!.folders)).toEqual([
				'Lavoro e formazione',
				'Sociale',
				'Tavoli'
			]);
		});

		it('makes a folder only inside one of the network’s own', async () => {
			const { editor, outsider, network, elsewhere } = await scene();
			const theirs = await folderAs(outsider, elsewhere, 'Loro');
			expect(await as(editor, (tx) => createFolder(tx, network.id, theirs, 'Intrusa'))).toEqual({ refused: 'files.folderGone' });
			expect(await as(editor, (tx) => createFolder(tx, network.id, randomUUID(), 'Intrusa'))).toEqual({ refused: 'files.folderGone' });
		});
	});

	describe('the bin', () => {
		it('bins a file with who and when, counting the days left before it goes for good', async () => {
			const { editor, viewer, network } = await scene();
			const folder = await folderAs(editor, network, 'Foto');
			const id = await storeFile(editor, network, 'Lavagna.jpg', { folder, contentType: 'image/jpeg', size: 4096 });
			expect(await as(editor, (tx) => binFile(tx, network.id, id))).toEqual({ ok: { name: 'Lavagna.jpg', id } });
			// Already in the bin: nothing more to do.
			expect(await as(editor, (tx) => binFile(tx, network.id, id))).toBe('hidden');

			const bin = await as(viewer, (tx) => listBin(tx, network.id));
			expect(bin.count).toBe(1);
			expect(bin.files).toEqual([
				{
					id,
					name: 'Lavagna.jpg',
					size: 4096,
					contentType: 'image/jpeg',
					deletedAt: expect.any(Date),
					deletedBy: { id: editor.id, name: 'Marco Ferri' },
					daysLeft: 29,
					folder: 'Foto'
				}
			]);
		});

		it('counts the days left from when the file was binned, never below zero', async () => {
			const { editor, network } = await scene();
			const old = await storeFile(editor, network, 'Vecchio.pdf');
			const older = await storeFile(editor, network, 'Vecchissimo.pdf');
			done(await as(editor, (tx) => binFile(tx, network.id, old)));
			done(await as(editor, (tx) => binFile(tx, network.id, older)));
			// The bin's trigger stamps the date on every change: moved back here as the service with triggers off, as time would.
			await db.transaction(async (tx) => {
				await tx.query(`set local session_replication_role = replica`);
				await tx.query(`update public.files set deleted_at = now() - interval '29 days 1 hour' where id = $1`, [old]);
				await tx.query(`update public.files set deleted_at = now() - interval '31 days' where id = $1`, [older]);
			});
			const bin = await as(editor, (tx) => listBin(tx, network.id));
			expect(bin.files.map((file) => [file.name, file.daysLeft])).toEqual([
				['Vecchio.pdf', 0],
				['Vecchissimo.pdf', 0]
			]);
		});

		it('restores a file into its folder, numbering its name when another file has taken it', async () => {
			const { editor, network } = await scene();
			const folder = await folderAs(editor, network, 'Bilanci');
			const first = await storeFile(editor, network, 'Budget.xlsx', { folder });
			done(await as(editor, (tx) => binFile(tx, network.id, first)));
			const second = await storeFile(editor, network, 'budget.xlsx', { folder });
			done(await as(editor, (tx) => binFile(tx, network.id, second)));
			await storeFile(editor, network, 'BUDGET.xlsx', { folder });

			expect(await as(editor, (tx) => restoreFile(tx, network.id, first))).toEqual({ ok: { name: numberedName('Budget.xlsx', 2) } });
			expect(await as(editor, (tx) => restoreFile(tx, network.id, second))).toEqual({ ok: { name: numberedName('budget.xlsx', 3) } });
			expect(await as(editor, (tx) => restoreFile(tx, network.id, second))).toBe('hidden');
			const listed = await as(editor, (tx) => listFolder(tx, network.id, query({ folder })));
			expect(listed!.fileCount).toBe(3);
			expect((await as(editor, (tx) => listBin(tx, network.id))).count).toBe(0);
			const { rows } = await db.query('select deleted_by from public.files where id = $1', [first]);
			expect(rows).toEqual([{ deleted_by: null }]);
		});

		it('restores at the top a file whose folder was deleted while it was in the bin', async () => {
			const { editor, network } = await scene();
			const folder = await folderAs(editor, network, 'Temporanea');
			const id = await storeFile(editor, network, 'Appunti.txt', { folder, contentType: 'text/plain' });
			// Not while the file is in it.
			expect(await refusalOf(as(editor, (tx) => deleteFolder(tx, network.id, folder)))).toBe('files.folderNotEmpty');
			done(await as(editor, (tx) => binFile(tx, network.id, id)));
			expect(await as(editor, (tx) => deleteFolder(tx, network.id, folder))).toEqual({ ok: { name: 'Temporanea' } });

			expect((await as(editor, (tx) => listBin(tx, network.id))).files[0]).toMatchObject({ name: 'Appunti.txt', folder: null });
			done(await as(editor, (tx) => restoreFile(tx, network.id, id)));
			expect(names((await as(editor, (tx) => listFolder(tx, network.id, query())))!.files)).toEqual(['Appunti.txt']);
		});

		it('refuses to delete a folder that still holds another folder', async () => {
			const { editor, network } = await scene();
			const outer = await folderAs(editor, network, 'Esterna');
			await folderAs(editor, network, 'Interna', outer);
			expect(await refusalOf(as(editor, (tx) => deleteFolder(tx, network.id, outer)))).toBe('files.folderNotEmpty');
		});

		it('lets only facilitators delete for good, and only from the bin, queueing the bytes for removal', async () => {
			const { facilitator, editor, viewer, network } = await scene();
			const id = await storeFile(editor, network, 'Da eliminare.pdf');
			// Not a live file: it goes to the bin first.
			expect(await as(facilitator, (tx) => purgeFile(tx, network.id, id))).toBe('hidden');
			done(await as(editor, (tx) => binFile(tx, network.id, id)));
			expect(await as(editor, (tx) => purgeFile(tx, network.id, id))).toBe('hidden');
			expect(await as(viewer, (tx) => purgeFile(tx, network.id, id))).toBe('hidden');
			expect(await as(viewer, (tx) => restoreFile(tx, network.id, id))).toBe('hidden');
			const { rows: keys } = await db.query<{ storage_key: string }>('select storage_key from public.file_versions where file_id = $1', [id]);

			expect(await as(facilitator, (tx) => purgeFile(tx, network.id, id))).toEqual({ ok: { name: 'Da eliminare.pdf' } });
			expect((await db.query('select 1 from public.files where id = $1', [id])).rows).toEqual([]);
			const queued = await db.query('select 1 from public.file_removals where storage_key = $1', [keys[0].storage_key]);
			expect(queued.rows).toHaveLength(1);
			expect(await as(facilitator, (tx) => fileSpace(tx, network.id))).toMatchObject({ used: 0 });
		});
	});
});
