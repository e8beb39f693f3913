import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { backends } from '../databases.ts';
import { createNetworkCast, type TestUser } from '../factories.ts';
import { createFolder, uploadFile } from '../file-scene.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { safeFileName } from '../../../src/lib/files/names.ts';
import { actions as folderActions } from '../../../src/routes/networks/[id]/files/+page.server.ts';
import { actions as binActions } from '../../../src/routes/networks/[id]/files/bin/+page.server.ts';

// The file space pages' form actions as a browser posts them, with or
// without JavaScript: every bad input comes back as a message key the page
// shows in the person's language, with what was typed kept, and nothing is
// changed; what is made safe is said back under the name it now has.

type Action = (event: RequestEvent<{ id: string }>) => Promise<unknown>;

describe.each(backends)('file space form actions, on $name', (backend) => {
	let db: Database;

	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	/** Posts `fields` to an action as `person`; the action's answer, a failure read as { status, data }. */
	async function post(action: Action, person: TestUser, networkId: string, fields: Record<string, string>) {
		const form = new FormData();
		for (const [name, value] of Object.entries(fields)) form.set(name, value);
		const event = {
			request: new Request('http://trama.test/networks/x/files', { method: 'POST', body: form }),
			locals: { db: <T>(fn: Parameters<typeof withUser<T>>[2]) => withUser(db, person.claims, fn) },
			params: { id: networkId }
		} as unknown as RequestEvent<{ id: string }>;
		const answer = (await action(event)) as { status?: number; data?: unknown };
		return answer.status ? { status: answer.status, data: answer.data } : { status: 200, data: answer };
	}
	const nameOf = async (id: string) =>
		(await db.query<{ name: string }>('select name from public.files where id = $1', [id])).rows[0]?.name;

	it('renames to a name made safe — no path, control or direction characters — and says the name it now has', async () => {
		const { editor, network } = await createNetworkCast(db);
		const { id } = await uploadFile(db, editor, network, { name: 'bozza.xlsx' });
		const typed = '  ../../Bilancio\u0007 finale\u202e\tv2.xlsx  ';
		const answer = await post(folderActions.rename, editor, network.id, { id, name: typed });
		const safe = safeFileName(typed.trim());
		expect(answer).toEqual({ status: 200, data: { done: 'files.renamed', params: { name: safe } } });
		expect(await nameOf(id)).toBe(safe);
		expect(safe).not.toMatch(/[/\\\u0000-\u001f\u202e]/);
		expect(safe).toContain('Bilancio');
	});

	it('refuses a name with a NUL beside the field, as every form does, and renames nothing', async () => {
		const { editor, network } = await createNetworkCast(db);
		const { id } = await uploadFile(db, editor, network, { name: 'bozza.xlsx' });
		const answer = await post(folderActions.rename, editor, network.id, { id, name: 'Bilancio\u0000.xlsx' });
		expect(answer).toEqual({ status: 400, data: { errors: { name: 'errors.text_unstorable' }, values: { id, name: 'Bilancio.xlsx' } } });
		expect(await nameOf(id)).toBe('bozza.xlsx');
	});

	it('shortens a 500-character name to one the database keeps, still readable', async () => {
		const { editor, network } = await createNetworkCast(db);
		const { id } = await uploadFile(db, editor, network, { name: 'corto.pdf' });
		const answer = await post(folderActions.rename, editor, network.id, { id, name: `${'Verbale del tavolo '.repeat(26)}.pdf` });
		expect(answer.status).toBe(200);
		const name = (await nameOf(id))!;
		expect(name.length).toBeLessThanOrEqual(200);
		expect(name).toMatch(/^Verbale del tavolo/);
	});

	it('refuses an empty name, a pasted text and a name taken in the folder, keeping what was typed', async () => {
		const { editor, network } = await createNetworkCast(db);
		const { id } = await uploadFile(db, editor, network, { name: 'Avviso.pdf' });
		await uploadFile(db, editor, network, { name: 'Modulo.pdf' });

		expect(await post(folderActions.rename, editor, network.id, { id, name: '   ' })).toEqual({
			status: 400,
			data: { errors: { name: 'files.nameRequired' }, values: { id, name: '   ' } }
		});
		const pasted = 'x'.repeat(1001);
		expect(await post(folderActions.rename, editor, network.id, { id, name: pasted })).toMatchObject({
			status: 400,
			data: { errors: { name: 'files.nameTooLong' }, values: { name: pasted } }
		});
		expect(await post(folderActions.rename, editor, network.id, { id, name: 'MODULO.pdf' })).toMatchObject({
			status: 400,
			data: { errors: { name: 'files.nameTaken' }, values: { id, name: 'MODULO.pdf' } }
		});
		expect(await nameOf(id)).toBe('Avviso.pdf');
	});

	it('answers "not allowed" to a viewer’s rename, bin or new folder, and changes nothing', async () => {
		const { viewer, editor, network } = await createNetworkCast(db);
		const { id } = await uploadFile(db, editor, network, { name: 'Patto.pdf' });
		const refused = { status: 403, data: expect.objectContaining({ message: 'files.notAllowed' }) };
		expect(await post(folderActions.rename, viewer, network.id, { id, name: 'Mio.pdf' })).toEqual(refused);
		expect(await post(folderActions.bin, viewer, network.id, { id })).toEqual(refused);
		expect(await post(folderActions.createFolder, viewer, network.id, { parent: '', name: 'Mia' })).toEqual(refused);
		const { rows } = await db.query('select name, deleted_at from public.files where id = $1', [id]);
		expect(rows).toEqual([{ name: 'Patto.pdf', deleted_at: null }]);
		expect((await db.query('select 1 from public.file_folders where network_id = $1', [network.id])).rows).toEqual([]);
	});

	it('refuses an id that is not one and a folder that is not there, beside the field they concern', async () => {
		const { editor, network } = await createNetworkCast(db);
		const { id } = await uploadFile(db, editor, network, { name: 'Nota.txt', contentType: 'text/plain' });
		expect(await post(folderActions.bin, editor, network.id, { id: "1' or '1'='1" })).toMatchObject({
			status: 400,
			data: { errors: { id: 'files.notFound' } }
		});
		expect(await post(folderActions.move, editor, network.id, { id, folder: 'non-una-cartella' })).toMatchObject({
			status: 400,
			data: { errors: { folder: 'files.folderGone' } }
		});
		expect(await post(folderActions.move, editor, network.id, { id, folder: crypto.randomUUID() })).toMatchObject({
			status: 400,
			data: { errors: { folder: 'files.folderGone' } }
		});
	});

	it('says why a folder cannot be deleted or moved inside itself', async () => {
		const { editor, network } = await createNetworkCast(db);
		const outer = await createFolder(db, editor, network, 'Bandi');
		const inner = await createFolder(db, editor, network, '2027', outer);
		expect(await post(folderActions.deleteFolder, editor, network.id, { id: outer })).toMatchObject({
			status: 400,
			data: { message: 'files.folderNotEmpty' }
		});
		expect(await post(folderActions.moveFolder, editor, network.id, { id: outer, folder: inner })).toMatchObject({
			status: 400,
			data: { errors: { folder: 'files.folderCycle' } }
		});
		expect(await post(folderActions.createFolder, editor, network.id, { parent: outer, name: '2027' })).toMatchObject({
			status: 400,
			data: { errors: { name: 'files.folderNameTaken' }, values: { name: '2027' } }
		});
		expect(await post(folderActions.deleteFolder, editor, network.id, { id: inner })).toEqual({
			status: 200,
			data: { done: 'files.folderDeleted', params: { name: '2027' } }
		});
	});

	it('bins in one click, undoes it from the folder, and — for a facilitator only, once confirmed — deletes for good', async () => {
		const { facilitator, editor, network } = await createNetworkCast(db);
		const { id } = await uploadFile(db, editor, network, { name: 'Foto.png', contentType: 'image/png' });
		expect(await post(folderActions.bin, editor, network.id, { id })).toEqual({
			status: 200,
			data: { done: 'files.binned', params: { name: 'Foto.png', id } }
		});
		expect(await post(folderActions.restore, editor, network.id, { id })).toEqual({
			status: 200,
			data: { done: 'files.restored', params: { name: 'Foto.png' } }
		});
		await post(folderActions.bin, editor, network.id, { id });
		expect(await post(binActions.restore, editor, network.id, { id })).toEqual({
			status: 200,
			data: { done: 'files.restored', params: { name: 'Foto.png' } }
		});
		await post(folderActions.bin, editor, network.id, { id });

		// Without the confirmation field nothing is deleted: the answer is the question.
		const asked = await post(binActions.purge, facilitator, network.id, { id });
		expect(asked).toMatchObject({
			status: 428,
			data: { confirmation: { fields: { id }, title: { key: 'confirm.purge.title', params: { name: 'Foto.png' } } } }
		});
		expect(await nameOf(id)).toBe('Foto.png');

		expect(await post(binActions.purge, editor, network.id, { id, confirm: '1' })).toMatchObject({
			status: 403,
			data: { message: 'files.notAllowed' }
		});
		expect(await post(binActions.purge, facilitator, network.id, { id, confirm: '1' })).toEqual({
			status: 200,
			data: { done: 'files.purged', params: { name: 'Foto.png' } }
		});
		expect(await nameOf(id)).toBeUndefined();
	});
});
