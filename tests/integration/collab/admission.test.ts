import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../databases.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { authorize } from '../../../src/lib/server/collab/auth.ts';
import { createScene, type Scene } from './scene.ts';
import { claimsFor } from '../factories.ts';

describe.each(backends)('socket admission on $name', (backend) => {
	let db: Database;
	let scene: Scene;
	beforeAll(async () => {
		db = await backend.fresh();
		scene = await createScene(db);
	});
	afterAll(() => db?.close());

	const admit = (person: Scene['editor'], documentId = scene.document.id) =>
		authorize(db, { id: person.id, email: person.email }, documentId);

	it("asks the database as the person: each role's right to write, nobody from elsewhere", async () => {
		const editor = await admit(scene.editor);
		expect(editor).toMatchObject({ networkId: scene.network.id, role: 'editor', readOnly: false });
		expect('presence' in editor && editor.presence.name).toBe('Enzo Editore');
		expect(await admit(scene.facilitator)).toMatchObject({ role: 'facilitator', readOnly: false });
		expect(await admit(scene.commenter)).toMatchObject({ role: 'commenter', readOnly: true });
		expect(await admit(scene.viewer)).toMatchObject({ role: 'viewer', readOnly: true });
		expect(await admit(scene.outsider)).toEqual({ status: 403, reason: 'not a member of this network' });
		expect(await admit(scene.editor, crypto.randomUUID())).toEqual({ status: 404, reason: 'no such document' });
	});

	it('follows the document: nobody writes an archived one', async () => {
		await db.query(`update public.documents set status = 'archived' where id = $1`, [scene.document.id]);
		try {
			expect(await admit(scene.editor)).toMatchObject({ role: 'editor', readOnly: true });
			expect(await admit(scene.facilitator)).toMatchObject({ role: 'facilitator', readOnly: true });
		} finally {
			await db.query(`update public.documents set status = 'draft' where id = $1`, [scene.document.id]);
		}
	});

	it("hands the service's role and claims back, even inside a transaction", async () => {
		const before = await db.query<{ who: string }>('select current_user as who');
		const after = await db.transaction(async (tx) => {
			const claims = JSON.stringify(claimsFor(scene.editor));
			const { rows } = await tx.query('select role from trama_collab.admission($1, $2)', [claims, scene.document.id]);
			expect(rows).toEqual([{ role: 'editor' }]);
			return tx.query<{ who: string; claims: string }>(
				`select current_user as who, coalesce(current_setting('request.jwt.claims', true), '') as claims`
			);
		});
		expect(after.rows).toEqual([{ who: before.rows[0].who, claims: '' }]);
	});
});
