import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { createDocument, createNetworkCast, type NetworkCast, type TestUser } from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { deleteDocument } from '../../src/lib/server/documents/queries.ts';
import { approveDocument } from '../../src/lib/server/documents/approval.ts';
import { documentDeletion } from '../../src/lib/server/confirmations/document.ts';
import { templateState } from '../../src/lib/documents/templates.ts';

// Deleting a document: the question says what goes with it, as the person
// asking may know it, and only a facilitator's deletion happens.

describe.each(backends)('deleting a document on $name', (backend) => {
	let db: Database;
	let cast: NetworkCast;
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);
	const keys = (question: Awaited<ReturnType<typeof documentDeletion>>) => question?.consequences.map((sentence) => sentence.key);

	beforeAll(async () => {
		db = await backend.fresh();
		cast = await createNetworkCast(db);
	});
	afterAll(() => db?.close());

	it('says what goes with the document, offers archiving instead, and is blocked for whoever may not delete', async () => {
		const title = 'Patto da eliminare';
		const doc = await createDocument(db, cast.network, cast.editor, { title });
		await as(cast.facilitator, (tx) => approveDocument(tx, doc.id, { name: 'Approvato', state: templateState('free'), text: 'Testo' }));

		const asked = await as(cast.facilitator, (tx) => documentDeletion(tx, cast.network.id, doc.id));
		expect(asked).toMatchObject({ action: '?/delete', title: { params: { title } }, confirmLabel: { key: 'confirm.document.confirm' } });
		expect(asked?.blocked).toBeUndefined();
		expect(keys(asked)).toEqual(['confirm.document.text', 'confirm.document.versionsOne', 'confirm.document.archiveInstead', 'confirm.document.final']);

		expect(await as(cast.editor, (tx) => documentDeletion(tx, cast.network.id, doc.id))).toMatchObject({
			blocked: { key: 'confirm.document.blocked' }
		});
		expect(await as(cast.outsider, (tx) => documentDeletion(tx, cast.network.id, doc.id))).toBeNull();
	});

	it('deletes for a facilitator only, with its versions', async () => {
		const title = 'Verbale da eliminare';
		const doc = await createDocument(db, cast.network, cast.editor, { title });
		await as(cast.facilitator, (tx) => approveDocument(tx, doc.id, { name: 'Approvato', state: templateState('free'), text: 'Testo' }));
		for (const person of [cast.editor, cast.commenter, cast.viewer, cast.outsider]) {
			expect(await as(person, (tx) => deleteDocument(tx, cast.network.id, doc.id))).toBeNull();
		}
		expect(await as(cast.facilitator, (tx) => deleteDocument(tx, cast.network.id, doc.id))).toBe(title);
		const left = await db.query<{ documents: number; versions: number }>(
			`select (select count(*)::int from public.documents where id = $1) as documents,
			        (select count(*)::int from public.document_versions where document_id = $1) as versions`,
			[doc.id]
		);
		expect(left.rows).toEqual([{ documents: 0, versions: 0 }]);
	});
});
