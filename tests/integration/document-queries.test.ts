import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { addMember, createNetwork, createUser, type TestNetwork, type TestUser } from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import {
	createDocument,
	documentAccess,
	listDocuments,
	listVersions,
	openDocument,
	renameDocument,
	saveVersion,
	searchDocuments,
	setDocumentStatus
} from '../../src/lib/server/documents/queries.ts';
import { templateState } from '../../src/lib/documents/templates.ts';
import { approveDocument } from '../../src/lib/server/documents/approval.ts';

// The document pages' queries, run as each person: what they see and may
// change is decided by the policies, never by the query.

describe.each(backends)('document queries as each person, on $name', (backend) => {
	let db: Database;
	let lead: TestUser;
	let editor: TestUser;
	let commenter: TestUser;
	let outsider: TestUser;
	let network: TestNetwork;
	let other: TestNetwork;
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);

	beforeAll(async () => {
		db = await backend.fresh();
		lead = await createUser(db, { displayName: 'Giulia' });
		editor = await createUser(db, { displayName: 'Marco' });
		commenter = await createUser(db, { displayName: 'Anna' });
		outsider = await createUser(db, { displayName: 'Paolo' });
		network = await createNetwork(db, lead);
		other = await createNetwork(db, outsider);
		await addMember(db, network, editor, 'editor');
		await addMember(db, network, commenter, 'commenter');
	});
	afterAll(() => db?.close());

	it('creates a document with its template as the first state, in one transaction', async () => {
		const id = await as(editor, (tx) =>
			createDocument(tx, network.id, { title: 'Patto per il lavoro', kind: 'community_pact' }, templateState('community_pact'))
		);
		const snapshot = await db.query<{ n: number }>('select count(*)::int as n from public.document_snapshots where document_id = $1', [id]);
		expect(snapshot.rows[0].n).toBe(1);
		const doc = await as(commenter, (tx) => openDocument(tx, network.id, id));
		expect(doc).toMatchObject({ title: 'Patto per il lavoro', kind: 'community_pact', status: 'draft', createdByName: 'Marco', problems: 0 });
	});

	it('refuses a commenter who creates a document, leaving nothing behind', async () => {
		const before = await db.query<{ n: number }>('select count(*)::int as n from public.documents');
		await expect(
			as(commenter, (tx) => createDocument(tx, network.id, { title: 'Non mio', kind: 'free' }, templateState('free')))
		).rejects.toMatchObject({ code: '42501' });
		const after = await db.query<{ n: number }>('select count(*)::int as n from public.documents');
		expect(after.rows[0].n).toBe(before.rows[0].n);
	});

	it('hides a document from another network’s member, even with its id', async () => {
		const { documents: [doc] } = await as(lead, (tx) => listDocuments(tx, network.id));
		expect(await as(outsider, (tx) => openDocument(tx, network.id, doc.id))).toBeNull();
		expect(await as(outsider, (tx) => openDocument(tx, other.id, doc.id))).toBeNull();
		expect(await as(outsider, (tx) => documentAccess(tx, doc.id))).toBeNull();
		expect((await as(outsider, (tx) => listDocuments(tx, network.id))).documents).toEqual([]);
	});

	it('finds documents by an inflected word, with the matches marked in a headline', async () => {
		const id = await as(lead, (tx) =>
			createDocument(tx, network.id, { title: 'Mappatura dei servizi', kind: 'territorial_map' }, templateState('territorial_map'))
		);
		// The collab server projects the text; here the test plays its part.
		await db.query('update public.documents set content_text = $2 where id = $1', [
			id,
			'La cooperativa offre <img src=x onerror=alert(1)> tirocini di inserimento lavorativo.'
		]);
		const hits = await as(commenter, (tx) => searchDocuments(tx, network.id, 'tirocinio'));
		expect(hits.map((hit) => hit.id)).toEqual([id]);
		expect(hits[0].headline.filter((part) => part.mark).map((part) => part.text)).toEqual(['tirocini']);
		expect(hits[0].headline.map((part) => part.text).join('')).toContain('<img src=x onerror=alert(1)>');
		expect(await as(outsider, (tx) => searchDocuments(tx, network.id, 'tirocinio'))).toEqual([]);
		expect(await as(commenter, (tx) => searchDocuments(tx, network.id, 'tirocinio', { kind: 'minutes' }))).toEqual([]);
	});

	it('lets an editor move a draft into review but not approve it; the facilitator approves, and nobody writes it then', async () => {
		const { documents: [doc] } = await as(lead, (tx) => listDocuments(tx, network.id, { kind: 'community_pact' }));
		const version = { name: 'Approvato', state: templateState('community_pact'), text: 'Patto' };
		expect(await as(editor, (tx) => setDocumentStatus(tx, network.id, doc.id, 'in_review'))).toBe(true);
		await expect(as(editor, (tx) => setDocumentStatus(tx, network.id, doc.id, 'approved'))).rejects.toMatchObject({
			code: '42501'
		});
		await expect(as(editor, (tx) => approveDocument(tx, doc.id, version))).rejects.toMatchObject({ code: '42501' });
		await as(lead, (tx) => approveDocument(tx, doc.id, version));
		// Approved: the editor can no longer rename it, and nobody may write its text.
		expect(await as(editor, (tx) => renameDocument(tx, network.id, doc.id, 'Nuovo titolo'))).toBe(false);
		expect(await as(lead, (tx) => documentAccess(tx, doc.id))).toMatchObject({ role: 'facilitator', status: 'approved', mayWrite: false });
		expect(await as(editor, (tx) => documentAccess(tx, doc.id))).toMatchObject({ role: 'editor', mayWrite: false });
		expect(await as(commenter, (tx) => documentAccess(tx, doc.id))).toMatchObject({ role: 'commenter', mayWrite: false });
		expect(await as(lead, (tx) => setDocumentStatus(tx, network.id, doc.id, 'archived'))).toBe(true);
		expect(await as(lead, (tx) => documentAccess(tx, doc.id))).toMatchObject({ status: 'archived', mayWrite: false });
	});

	it('lists a named version saved by an editor and refuses one from a commenter', async () => {
		const { documents: [doc] } = await as(lead, (tx) => listDocuments(tx, network.id, { kind: 'territorial_map' }));
		const state = templateState('territorial_map');
		await as(editor, (tx) => saveVersion(tx, doc.id, { name: 'Prima bozza', state, text: 'testo' }));
		await expect(
			as(commenter, (tx) => saveVersion(tx, doc.id, { name: 'Mia', state, text: 'testo' }))
		).rejects.toMatchObject({ code: '42501' });
		const versions = await as(commenter, (tx) => listVersions(tx, doc.id));
		expect(versions).toMatchObject([{ name: 'Prima bozza', automatic: false, createdByName: 'Marco' }]);
		expect(await as(outsider, (tx) => listVersions(tx, doc.id))).toEqual([]);
	});
});
