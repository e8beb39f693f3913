import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from '../databases.ts';
import { createDocument, createNetwork, createPartner, type TestDocument, type TestPartner } from '../factories.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { blankCommitment, type Commitment } from '../../../src/lib/pact/commitment.ts';
import { COMMITMENTS } from '../../../src/lib/pact/commitments-doc.ts';
import { itemsMap, patchItem, putItems, readItems, removeItems } from '../../../src/lib/structured/items-doc.ts';
import { listCommitments } from '../../../src/lib/server/pact/queries.ts';
import { searchDocuments } from '../../../src/lib/server/documents/queries.ts';
import { connect, eventually, startCollab, type Client, type RunningCollab } from './harness.ts';
import { createScene, type Scene } from './scene.ts';

// A community pact's commitments edited by real y-websocket clients: they
// merge field by field, and the collab server projects into
// public.pact_commitments exactly the well-formed ones of the network's
// partners, naming only what the network's maps hold.

const commitments = (client: Client) => readItems(client.doc, COMMITMENTS);

/** A commitment's stored fields: what is stored under its id. */
const fieldsOf = ({ id: _id, ...fields }: Commitment): Record<string, unknown> => fields;

/** Writes fields as they are, unchecked, under `key`: what a faulty or hostile client can do. */
function putRaw(client: Client, key: string, fields: Record<string, unknown>) {
	client.doc.transact(() => {
		const item = new Y.Map<unknown>();
		for (const [field, value] of Object.entries(fields)) item.set(field, value);
		itemsMap(client.doc, COMMITMENTS).set(key, item);
	});
}

describe.each(backends)('pact commitments on $name', (backend) => {
	let db: Database;
	let scene: Scene;
	let pact: TestDocument;
	let ponte: TestPartner;
	let comune: TestPartner;
	let foreignPartner: TestPartner;
	/** Entries of the network's map: a need, and a service. */
	let need: string;
	let service: string;
	let server: RunningCollab;
	const clients: Client[] = [];
	const opened = async (...people: { cookie: string }[]) => {
		const opening = people.map((person) => connect(server.url, pact.id, person.cookie));
		clients.push(...opening);
		await eventually(() => expect(opening.every((client) => client.provider.synced)).toBe(true));
		return opening;
	};
	const projected = () => listCommitments(db, pact.id);
	const commitment = (overrides: Partial<Commitment>): Commitment =>
		blankCommitment(randomUUID(), ponte.id, { title: 'Impegno', system: 'employment', ...overrides });

	async function mapEntry(document: TestDocument, name: string, category: string): Promise<string> {
		const id = randomUUID();
		await db.query(
			`insert into public.map_entries (document_id, network_id, id, name, category, system) values ($1, $2, $3, $4, $5, 'employment')`,
			[document.id, document.networkId, id, name, category]
		);
		return id;
	}

	beforeAll(async () => {
		db = await backend.fresh();
		scene = await createScene(db);
		pact = await createDocument(db, scene.network, scene.editor, { kind: 'community_pact', title: 'Patto di comunità di Sora' });
		ponte = await createPartner(db, scene.network, { name: 'Cooperativa Il Ponte', systems: ['employment'] });
		comune = await createPartner(db, scene.network, { name: 'Comune di Sora', systems: ['social'] });
		foreignPartner = await createPartner(db, await createNetwork(db, scene.outsider), { name: 'Ente di altrove' });
		const map = await createDocument(db, scene.network, scene.editor, { kind: 'territorial_map', title: 'Mappatura di Sora' });
		need = await mapEntry(map, 'Trasporto verso i luoghi di tirocinio', 'need');
		service = await mapEntry(map, 'Sportello lavoro del Comune', 'service');
		server = await startCollab(db);
	});
	afterEach(() => {
		for (const client of clients.splice(0)) client.destroy();
	});
	afterAll(async () => {
		await server.close();
		await db.close();
	});

	it('lets two editors write commitments at once, one field each of the same one too, and converge; the table holds them exactly', async () => {
		const [anna, enzo] = await opened(scene.facilitator, scene.editor);
		const shared = commitment({ title: 'Tutoraggio dei tirocini', hours: 100 });
		putItems(anna.doc, COMMITMENTS, [shared]);
		await eventually(() => expect(commitments(enzo).items.map((c) => c.id)).toContain(shared.id));

		// At the same time: each adds one, and both change the shared commitment, in different fields and in the same one.
		const annas = commitment({ partnerId: comune.id, title: 'Sala per i colloqui', system: 'social', spaces: 'Sala consiliare' });
		const enzos = commitment({ title: 'Borse lavoro', euros: 24000, from: '2027-01-01', to: '2027-12-31', needIds: [need] });
		putItems(anna.doc, COMMITMENTS, [annas]);
		putItems(enzo.doc, COMMITMENTS, [enzos]);
		patchItem(anna.doc, COMMITMENTS, shared.id, { people: 2, from: '2027-02-01', contact: 'Anna' });
		patchItem(enzo.doc, COMMITMENTS, shared.id, { euros: 1500.5, entryIds: [service], contact: 'Enzo' });

		await eventually(() => {
			expect(commitments(anna).items).toHaveLength(3);
			expect(commitments(anna).items).toEqual(commitments(enzo).items);
		});
		const merged = commitments(anna).items.find((c) => c.id === shared.id)!;
		expect(merged).toMatchObject({ hours: 100, people: 2, from: '2027-02-01', euros: 1500.5, entryIds: [service] });
		// The same field resolves to one of the two changes, the same on both sides.
		expect(['Anna', 'Enzo']).toContain(merged.contact);

		await eventually(async () => expect(await projected()).toEqual(commitments(anna).items));
		// The titles are in the pact's search text, so the documents list finds the pact by a commitment.
		await eventually(async () => {
			const hits = await searchDocuments(db, scene.network.id, 'borse lavoro');
			expect(hits.map((hit) => hit.id)).toEqual([pact.id]);
		});
	});

	it("drops a commenter's forged commitment: nobody else sees it and it is never projected", async () => {
		const [carla, enzo] = await opened(scene.commenter, scene.editor);
		const target = commitments(enzo).items[0];
		const forged = commitment({ partnerId: comune.id, title: 'Impegno del commentatore', euros: 1_000_000 });
		putItems(carla.doc, COMMITMENTS, [forged]);
		patchItem(carla.doc, COMMITMENTS, target.id, { title: 'Riscritto dal commentatore' });
		// An editor's change after the commenter's shows when the server has dealt with both.
		const marker = commitment({ title: 'Impegno di controllo' });
		putItems(enzo.doc, COMMITMENTS, [marker]);
		await eventually(async () => expect((await projected()).map((c) => c.id)).toContain(marker.id));
		const rows = await projected();
		expect(rows.map((c) => c.id)).not.toContain(forged.id);
		expect(rows.find((c) => c.id === target.id)?.title).toBe(target.title);
		expect(commitments(enzo).items.map((c) => c.id)).not.toContain(forged.id);
	});

	it('leaves out malformed commitments and those of an unknown partner, and projects the rest', async () => {
		const [enzo] = await opened(scene.editor);
		const good = commitment({ title: 'Corso di sicurezza sul lavoro', system: 'training', hours: 16 });
		const elsewhere = commitment({ partnerId: foreignPartner.id, title: 'Impegno di un ente di altrove' });
		const backwards = randomUUID();
		const negative = randomUUID();
		const badId = 'impegno-senza-uuid';
		putItems(enzo.doc, COMMITMENTS, [good, elsewhere]);
		putRaw(enzo, backwards, fieldsOf(commitment({ title: 'Finisce prima di iniziare', from: '2027-06-01', to: '2027-01-01' })));
		putRaw(enzo, negative, fieldsOf(commitment({ title: 'Euro negativi', euros: -500 })));
		putRaw(enzo, badId, fieldsOf(commitment({ title: 'Senza identificativo' })));

		await eventually(async () => {
			const ids = (await projected()).map((c) => c.id);
			expect(ids).toContain(good.id);
			expect(ids).not.toContain(elsewhere.id);
			expect(ids).not.toContain(backwards);
			expect(ids).not.toContain(negative);
		});
		const { items, malformed } = commitments(enzo);
		expect(malformed).toBe(3);
		expect(await projected()).toEqual(items.filter((c) => c.partnerId !== foreignPartner.id));

		// Made well-formed again, a commitment is projected; moved to a partner from elsewhere, it leaves the table.
		patchItem(enzo.doc, COMMITMENTS, backwards, { to: '2027-12-31' });
		patchItem(enzo.doc, COMMITMENTS, good.id, { partnerId: foreignPartner.id });
		await eventually(async () => {
			const ids = (await projected()).map((c) => c.id);
			expect(ids).toContain(backwards);
			expect(ids).not.toContain(good.id);
		});
	});

	it('takes a commitment removed from the document out of the table', async () => {
		const [enzo] = await opened(scene.editor);
		const gone = commitment({ title: 'Impegno ritirato' });
		putItems(enzo.doc, COMMITMENTS, [gone]);
		await eventually(async () => expect((await projected()).map((c) => c.id)).toContain(gone.id));
		removeItems(enzo.doc, COMMITMENTS, [gone.id]);
		await eventually(async () => expect((await projected()).map((c) => c.id)).not.toContain(gone.id));
		expect(await projected()).toEqual(commitments(enzo).items.filter((c) => c.partnerId !== foreignPartner.id));
	});

	it("keeps of the needs answered only the maps' needs, and of the entries brought only the maps' entries", async () => {
		const [enzo] = await opened(scene.editor);
		const unknown = randomUUID();
		const linked = commitment({ title: 'Accompagnamento ai tirocini', needIds: [need, service, unknown], entryIds: [service, unknown, need] });
		putItems(enzo.doc, COMMITMENTS, [linked]);
		await eventually(async () => {
			expect((await projected()).find((c) => c.id === linked.id)).toMatchObject({ needIds: [need], entryIds: [service, need] });
		});
		// The document keeps what was written: only the table leaves out what the maps do not hold.
		expect(commitments(enzo).items.find((c) => c.id === linked.id)?.needIds).toEqual([need, service, unknown]);
	});

	it('reconciles the table with the document when the pact is opened again after a lost projection', async () => {
		await opened(scene.editor);
		const expected = await eventually(async () => {
			const rows = await projected();
			expect(rows.length).toBeGreaterThan(2);
			return rows;
		});
		for (const client of clients.splice(0)) client.destroy();
		await eventually(() => expect(server.collab.stats().documents).toBe(0));
		await db.query('delete from public.pact_commitments where document_id = $1 and id = $2', [pact.id, expected[0].id]);
		await db.query(`update public.pact_commitments set euros = 1 where document_id = $1 and id = $2`, [pact.id, expected[1].id]);
		await db.query(
			`insert into public.pact_commitments (document_id, network_id, id, partner_id, title, system) values ($1, $2, $3, $4, 'Impegno fantasma', 'social')`,
			[pact.id, scene.network.id, randomUUID(), ponte.id]
		);

		await opened(scene.viewer);
		await eventually(async () => expect(await projected()).toEqual(expected));
	});

	it('projects no commitment from a document that is not a community pact', async () => {
		const other = connect(server.url, scene.document.id, scene.editor.cookie);
		clients.push(other);
		await eventually(() => expect(other.provider.synced).toBe(true));
		putItems(other.doc, COMMITMENTS, [commitment({ title: 'Impegno in un documento di co-progettazione' })]);
		await eventually(() => expect(commitments(other).items).toHaveLength(1));
		// A room settles, projection included, before it leaves memory.
		other.destroy();
		await eventually(() => expect(server.collab.stats().documents).toBe(0));
		const { rows } = await db.query('select 1 from public.pact_commitments where document_id = $1', [scene.document.id]);
		expect(rows).toEqual([]);
	});
});
