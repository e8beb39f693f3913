import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { addMember, createDocument, createNetwork, createUser, type TestNetwork, type TestUser } from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { documentsTitled, searchDocumentTitles } from '../../src/lib/server/documents/title-search.ts';
import { chooseDocument } from '../../src/lib/server/discussions/document-choice.ts';

// The document picker's search and the lookup of a title typed without it,
// as each person: folded for case and accents, archived documents left out,
// and only the person's own networks searched.

describe.each(backends)('finding documents by title, on $name', (backend) => {
	let db: Database;
	let member: TestUser;
	let outsider: TestUser;
	let network: TestNetwork;
	let elsewhere: TestNetwork;
	const docs: Record<string, string> = {};
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);
	const search = (user: TestUser, typed: string, where = network) =>
		as(user, (tx) => searchDocumentTitles(tx, where.id, typed)).then((found) => found.map((d) => d.title));
	const choose = (form: { document?: string; documentChoice?: string; documentTitle: string }) =>
		as(member, (tx) => chooseDocument(tx, network.id, { document: null, documentChoice: null, ...form }));

	beforeAll(async () => {
		db = await backend.fresh();
		const lead = await createUser(db, { displayName: 'Giulia' });
		member = await createUser(db, { displayName: 'Anna' });
		outsider = await createUser(db, { displayName: 'Ester' });
		network = await createNetwork(db, lead);
		await addMember(db, network, member, 'commenter');
		elsewhere = await createNetwork(db, outsider);
		// Created one after another, so the last is the most recently changed.
		for (const [key, title, status] of [
			['citta', 'Città dei servizi', 'draft'],
			['lavoro', 'Patto per il lavoro', 'approved'],
			['comunita', 'Patto di comunità 2027', 'in_review'],
			['archived', 'Mappatura del 2025', 'archived'],
			['percent', 'Obiettivo 100% occupati_prova', 'draft'],
			['tavolo1', 'Verbale del tavolo', 'draft'],
			['tavolo2', 'verbale del Tavolo', 'draft']
		]) {
			docs[key] = (await createDocument(db, network, lead, { title, status })).id;
			await db.query(`update public.documents set content_updated_at = now() + $2::int * interval '1 second' where id = $1`, [
				docs[key],
				Object.keys(docs).length
			]);
		}
		await createDocument(db, elsewhere, outsider, { title: 'Patto segreto' });
	});
	afterAll(() => db?.close());

	it('finds a title whatever the case and the accents, typed or stored', async () => {
		expect(await search(member, 'citta')).toEqual(['Città dei servizi']);
		expect(await search(member, 'CITTÀ SERV')).toEqual(['Città dei servizi']);
		expect(await search(member, 'comunita')).toEqual(['Patto di comunità 2027']);
	});

	it('wants every word typed, in any order, most recently changed first', async () => {
		expect(await search(member, 'lavoro patto')).toEqual(['Patto per il lavoro']);
		expect(await search(member, 'patto')).toEqual(['Patto di comunità 2027', 'Patto per il lavoro']);
		expect(await search(member, 'patto tavolo')).toEqual([]);
	});

	it('takes % and _ as the characters typed, not as wildcards', async () => {
		expect(await search(member, '100%')).toEqual(['Obiettivo 100% occupati_prova']);
		expect(await search(member, 'i_p')).toEqual(['Obiettivo 100% occupati_prova']);
		expect(await search(member, '%')).toEqual(['Obiettivo 100% occupati_prova']);
	});

	it('lists the latest documents for nothing typed, and never an archived one', async () => {
		expect(await search(member, '')).toEqual([
			'verbale del Tavolo',
			'Verbale del tavolo',
			'Obiettivo 100% occupati_prova',
			'Patto di comunità 2027',
			'Patto per il lavoro',
			'Città dei servizi'
		]);
		expect(await search(member, 'mappatura')).toEqual([]);
		expect(await as(member, (tx) => documentsTitled(tx, network.id, 'Mappatura del 2025'))).toEqual([]);
	});

	it('searches only networks the person belongs to', async () => {
		expect(await search(outsider, 'patto')).toEqual([]);
		expect(await search(outsider, '')).toEqual([]);
		expect(await search(member, 'patto', elsewhere)).toEqual([]);
		expect(await search(outsider, 'patto', elsewhere)).toEqual(['Patto segreto']);
		expect(await as(outsider, (tx) => documentsTitled(tx, network.id, 'Patto per il lavoro'))).toEqual([]);
	});

	it('looks a typed title up exactly, but for case, accents and spaces around it', async () => {
		const found = await as(member, (tx) => documentsTitled(tx, network.id, '  patto PER il Lavoro '));
		expect(found).toEqual([{ id: docs.lavoro, title: 'Patto per il lavoro', kind: 'co_design' }]);
		expect(await as(member, (tx) => documentsTitled(tx, network.id, 'Patto'))).toEqual([]);
		expect(
			(await as(member, (tx) => documentsTitled(tx, network.id, 'verbale del tavolo'))).map((d) => d.id).sort()
		).toEqual([docs.tavolo1, docs.tavolo2].sort());
	});

	it('links the document chosen in the picker while its field still names it, even among namesakes', async () => {
		expect(await choose({ document: docs.tavolo1, documentTitle: 'Verbale del tavolo' })).toEqual({ document: docs.tavolo1 });
		expect(await choose({ document: docs.citta, documentTitle: 'Citta dei servizi' })).toEqual({ document: docs.citta });
	});

	it('links nothing when the field was emptied, whatever was chosen before', async () => {
		expect(await choose({ document: docs.citta, documentTitle: '' })).toEqual({ document: null });
	});

	it('looks the field up when it was edited after choosing, or typed without the picker', async () => {
		expect(await choose({ document: docs.citta, documentTitle: 'patto per il lavoro' })).toEqual({ document: docs.lavoro });
		expect(await choose({ documentTitle: 'Patto di comunita 2027' })).toEqual({ document: docs.comunita });
	});

	it('offers the documents a title could mean when it names no single one', async () => {
		const namesakes = await choose({ documentTitle: 'verbale del tavolo' });
		expect(namesakes).toMatchObject({ refused: 'discussions.documentChoose' });
		expect('refused' in namesakes && namesakes.candidates.map((d) => d.id).sort()).toEqual([docs.tavolo1, docs.tavolo2].sort());

		const partial = await choose({ documentTitle: 'patto' });
		expect(partial).toMatchObject({ refused: 'discussions.documentChoose' });
		expect('refused' in partial && partial.candidates.map((d) => d.id)).toEqual([docs.comunita, docs.lavoro]);

		expect(await choose({ documentTitle: 'lavoro' })).toEqual({
			refused: 'discussions.documentConfirm',
			candidates: [{ id: docs.lavoro, title: 'Patto per il lavoro', kind: 'co_design' }]
		});
		expect(await choose({ documentTitle: 'Piano di zona' })).toEqual({ refused: 'discussions.documentNotFound', candidates: [] });
		expect(await choose({ documentTitle: 'Mappatura del 2025' })).toEqual({ refused: 'discussions.documentNotFound', candidates: [] });
	});

	it('takes a candidate picked from that offer as it is', async () => {
		expect(await choose({ documentChoice: docs.tavolo2, documentTitle: 'verbale' })).toEqual({ document: docs.tavolo2 });
	});
});
