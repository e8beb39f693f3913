import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from '../databases.ts';
import { createDocument, createNetwork, createPartner, type TestDocument, type TestPartner } from '../factories.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { blankEntry, type MapEntry } from '../../../src/lib/map/entry.ts';
import { entriesMap, patchEntry, putEntries, readEntries, removeEntries } from '../../../src/lib/map/entries-doc.ts';
import { listEntries } from '../../../src/lib/server/map/queries.ts';
import { searchDocuments } from '../../../src/lib/server/documents/queries.ts';
import { NO_FILTER } from '../../../src/lib/map/filter.ts';
import { connect, eventually, startCollab, type Client, type RunningCollab } from './harness.ts';
import { createScene, type Scene } from './scene.ts';
import { PLACES } from '../../fixtures/frosinone.ts';

// A territorial map's entries edited by real y-websocket clients: they merge
// like text, and the collab server projects them into public.map_entries,
// which must end up equal to the document's own well-formed entries.

const entry = (overrides: Partial<MapEntry>): MapEntry => blankEntry(randomUUID(), overrides);

/** The entries of a client's copy, as the projection should hold them, by id. */
function entriesOf(client: Client, foreignPartner?: string): MapEntry[] {
	return readEntries(client.doc)
		.entries.map((e) => (e.partnerId === foreignPartner ? { ...e, partnerId: null } : e))
		.sort((a, b) => a.id.localeCompare(b.id));
}

describe.each(backends)('map entries on $name', (backend) => {
	let db: Database;
	let scene: Scene;
	let map: TestDocument;
	let partner: TestPartner;
	let foreignPartner: TestPartner;
	let server: RunningCollab;
	const clients: Client[] = [];
	const open = (person: { cookie: string }) => {
		const client = connect(server.url, map.id, person.cookie);
		clients.push(client);
		return client;
	};
	const opened = async (...people: { cookie: string }[]) => {
		const opening = people.map(open);
		await eventually(() => expect(opening.every((client) => client.provider.synced)).toBe(true));
		return opening;
	};
	const projected = async () =>
		(await listEntries(db, scene.network.id, map.id, NO_FILTER)).sort((a, b) => a.id.localeCompare(b.id));

	beforeAll(async () => {
		db = await backend.fresh();
		scene = await createScene(db);
		map = await createDocument(db, scene.network, scene.editor, { kind: 'territorial_map', title: 'Mappatura di Sora' });
		partner = await createPartner(db, scene.network, { name: 'Cooperativa La Rete', systems: ['social'] });
		foreignPartner = await createPartner(db, await createNetwork(db, scene.outsider), { name: 'Ente di altrove' });
		server = await startCollab(db);
	});
	afterEach(() => {
		for (const client of clients.splice(0)) client.destroy();
	});
	afterAll(async () => {
		await server.close();
		await db.close();
	});

	it('lets two editors add, change and remove entries at once and converge on the same entries', async () => {
		const [anna, enzo] = await opened(scene.facilitator, scene.editor);
		const shared = entry({ name: 'Centro diurno Il Girasole', category: 'service', targets: ['mental_health'] });
		putEntries(anna.doc, [shared]);
		await eventually(() => expect(readEntries(enzo.doc).entries.map((e) => e.id)).toContain(shared.id));

		// At the same time: each adds one, and both change the shared entry, in different fields and in the same one.
		const annas = entry({ name: 'Sportello lavoro Sora', category: 'opportunity', system: 'employment' });
		const enzos = entry({ name: 'Bisogno di trasporto a Isola del Liri', category: 'need', targets: ['disability'] });
		putEntries(anna.doc, [annas]);
		putEntries(enzo.doc, [enzos]);
		patchEntry(anna.doc, shared.id, { places: 12, hours: 'lun–ven 9–13' });
		patchEntry(enzo.doc, shared.id, { address: 'Via Roma 10, Sora', hours: 'lun–sab 8–14' });

		await eventually(() => {
			expect(entriesOf(anna)).toHaveLength(3);
			expect(entriesOf(anna)).toEqual(entriesOf(enzo));
		});
		const merged = readEntries(anna.doc).entries.find((e) => e.id === shared.id)!;
		expect(merged).toMatchObject({ places: 12, address: 'Via Roma 10, Sora' });
		// The same field resolves to one of the two changes, the same on both sides.
		expect(['lun–ven 9–13', 'lun–sab 8–14']).toContain(merged.hours);

		removeEntries(enzo.doc, [annas.id]);
		await eventually(() => {
			expect(entriesOf(anna).map((e) => e.id).sort()).toEqual([shared.id, enzos.id].sort());
			expect(entriesOf(anna)).toEqual(entriesOf(enzo));
		});
	});

	it("projects the document's well-formed entries into map_entries, a partner from elsewhere as none", async () => {
		const [anna] = await opened(scene.facilitator);
		putEntries(anna.doc, [
			entry({ name: 'Orto sociale', category: 'resource', partnerId: partner.id, position: PLACES.frosinone, tags: ['verde', 'agricoltura'] }),
			entry({ name: 'Tirocini in logistica', category: 'opportunity', system: 'employment', partnerId: foreignPartner.id, places: 4 })
		]);
		await eventually(async () => {
			expect(await projected()).toEqual(entriesOf(anna, foreignPartner.id));
		});
		expect((await projected()).find((e) => e.name === 'Orto sociale')).toMatchObject({ partnerId: partner.id, position: PLACES.frosinone });
		// The names are in the document's search text, so the documents list finds the map by an entry.
		await eventually(async () => {
			const hits = await searchDocuments(db, scene.network.id, 'orto sociale');
			expect(hits.map((hit) => hit.id)).toEqual([map.id]);
		});
	});

	it('follows changes and removals into the table, and leaves out what a faulty client made malformed', async () => {
		const [anna, enzo] = await opened(scene.facilitator, scene.editor);
		const [kept, broken, gone] = [
			entry({ name: 'Gruppo di auto mutuo aiuto', category: 'meeting_place' }),
			entry({ name: 'Corso di qualifica OSS', category: 'opportunity', system: 'training' }),
			entry({ name: 'Mensa solidale', category: 'resource', targets: ['homeless'] })
		];
		putEntries(anna.doc, [kept, broken, gone]);
		await eventually(async () => expect((await projected()).map((e) => e.id)).toEqual(expect.arrayContaining([kept.id, broken.id, gone.id])));

		patchEntry(enzo.doc, kept.id, { name: 'Gruppo di auto mutuo aiuto per familiari', targets: ['mental_health', 'addiction'] });
		removeEntries(enzo.doc, [gone.id]);
		// What no honest client writes: a category nobody knows, a place off the globe, an entry that is not a map.
		const fields = entriesMap(enzo.doc).get(broken.id)!;
		enzo.doc.transact(() => fields.set('category', 'segreto'));
		const hostile = randomUUID();
		enzo.doc.transact(() => {
			const bad = new Y.Map<unknown>();
			bad.set('name', 'Fuori dal mondo');
			bad.set('category', 'service');
			bad.set('system', 'social');
			bad.set('position', { lat: 123, lng: 13 });
			entriesMap(enzo.doc).set(hostile, bad);
		});

		await eventually(async () => {
			const rows = await projected();
			expect(rows).toEqual(entriesOf(anna, foreignPartner.id));
			expect(rows.map((e) => e.id)).not.toContain(broken.id);
			expect(rows.map((e) => e.id)).not.toContain(hostile);
			expect(rows.map((e) => e.id)).not.toContain(gone.id);
			expect(rows.find((e) => e.id === kept.id)).toMatchObject({ name: 'Gruppo di auto mutuo aiuto per familiari', targets: ['mental_health', 'addiction'] });
		});
		expect(readEntries(anna.doc).malformed).toBe(2);
	});

	it("drops a commenter's entry edits: nobody else sees them and they are never projected", async () => {
		const [carla, enzo] = await opened(scene.commenter, scene.editor);
		const target = readEntries(enzo.doc).entries[0];
		const sneaked = entry({ name: 'Voce del commentatore', category: 'need' });
		putEntries(carla.doc, [sneaked]);
		patchEntry(carla.doc, target.id, { name: 'Rinominata dal commentatore' });
		// An editor's change after the commenter's shows when the server has dealt with both.
		const marker = entry({ name: 'Voce di controllo', category: 'service' });
		putEntries(enzo.doc, [marker]);
		await eventually(async () => expect((await projected()).map((e) => e.id)).toContain(marker.id));
		const rows = await projected();
		expect(rows.map((e) => e.id)).not.toContain(sneaked.id);
		expect(rows.find((e) => e.id === target.id)?.name).toBe(target.name);
		expect(readEntries(enzo.doc).entries.map((e) => e.id)).not.toContain(sneaked.id);
	});

	it('reconciles the table with the document when the map is opened again after a lost projection', async () => {
		const [enzo] = await opened(scene.editor);
		const expected = entriesOf(enzo, foreignPartner.id);
		await eventually(async () => expect(await projected()).toEqual(expected));
		for (const client of clients.splice(0)) client.destroy();
		// Wait for the room to leave memory, then spoil the table as a crash between store and projection could.
		await eventually(() => expect(server.collab.stats().documents).toBe(0));
		await db.query('delete from public.map_entries where document_id = $1 and id = $2', [map.id, expected[0].id]);
		await db.query(`update public.map_entries set name = 'Nome vecchio' where document_id = $1 and id = $2`, [map.id, expected[1].id]);
		await db.query(
			`insert into public.map_entries (document_id, network_id, id, name, category, system) values ($1, $2, $3, 'Voce fantasma', 'need', 'social')`,
			[map.id, scene.network.id, randomUUID()]
		);

		await opened(scene.viewer);
		await eventually(async () => expect(await projected()).toEqual(expected));
	});

	it('projects at once when asked, however long the throttle, for an export that must not lag', async () => {
		const slow = await startCollab(db, { projectEveryMs: 60_000 });
		const fresh = await createDocument(db, scene.network, scene.editor, { kind: 'territorial_map', title: 'Mappatura di Alatri' });
		const enzo = connect(slow.url, fresh.id, scene.editor.cookie);
		try {
			await eventually(() => expect(enzo.provider.synced).toBe(true));
			const first = entry({ name: 'Sportello per il lavoro di Alatri' });
			putEntries(enzo.doc, [first]);
			// The first projection is due at once; the next one waits for the throttle…
			await eventually(async () => expect(await listEntries(db, scene.network.id, fresh.id, NO_FILTER)).toHaveLength(1));
			const second = entry({ name: 'Biblioteca comunale di Alatri', category: 'meeting_place' });
			putEntries(enzo.doc, [second]);
			await eventually(() => expect(readEntries(enzo.doc).entries).toHaveLength(2));
			// …unless asked, once the change has reached the server.
			await eventually(async () => {
				await slow.collab.project(fresh.id);
				expect((await listEntries(db, scene.network.id, fresh.id, NO_FILTER)).map((e) => e.id).sort()).toEqual([first.id, second.id].sort());
			}, 1_000);
		} finally {
			enzo.destroy();
			await slow.close();
		}
	});

	it('lets a map deleted while its entries change leave memory, with nothing left to project', async () => {
		const doomed = await createDocument(db, scene.network, scene.editor, { kind: 'territorial_map', title: 'Mappatura da eliminare' });
		const enzo = connect(server.url, doomed.id, scene.editor.cookie);
		try {
			await eventually(() => expect(enzo.provider.synced).toBe(true));
			putEntries(enzo.doc, [entry({ name: 'Voce che sparirà' })]);
			await eventually(async () => expect(await listEntries(db, scene.network.id, doomed.id, NO_FILTER)).toHaveLength(1));
			enzo.provider.shouldReconnect = () => false;
			await db.query('delete from public.documents where id = $1', [doomed.id]);
			putEntries(enzo.doc, [entry({ name: 'Voce scritta mentre spariva' })]);
			await eventually(() => expect(enzo.closes.map((close) => close.code)).toContain(4410));
			await eventually(() => expect(server.collab.stats().documents).toBe(0));
			const { rows } = await db.query('select 1 from public.map_entries where document_id = $1', [doomed.id]);
			expect(rows).toEqual([]);
		} finally {
			enzo.destroy();
		}
	});

	it('projects nothing from a document that is not a territorial map', async () => {
		const [enzo] = await opened(scene.editor);
		const other = connect(server.url, scene.document.id, scene.editor.cookie);
		clients.push(other);
		await eventually(() => expect(other.provider.synced).toBe(true));
		putEntries(other.doc, [entry({ name: 'Voce in un documento di co-progettazione' })]);
		await eventually(() => expect(readEntries(other.doc).entries).toHaveLength(1));
		// A room settles, projection included, before it leaves memory.
		other.destroy();
		await eventually(() => expect(server.collab.stats().documents).toBe(1));
		expect(enzo.provider.synced).toBe(true);
		const { rows } = await db.query('select 1 from public.map_entries where document_id = $1', [scene.document.id]);
		expect(rows).toEqual([]);
	});
});
