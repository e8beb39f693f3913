import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from './databases.ts';
import { createDocument, createNetworkCast, createPartner, type NetworkCast, type TestDocument, type TestUser } from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { ItemsProjection } from '../../src/lib/server/collab/projection.ts';
import { MAP_PROJECTOR } from '../../src/lib/server/map/projector.ts';
import { entryNames, listEntries } from '../../src/lib/server/map/queries.ts';
import { putEntries, readEntries } from '../../src/lib/map/entries-doc.ts';
import { blankEntry, type MapEntry } from '../../src/lib/map/entry.ts';
import { NO_FILTER, matchesFilter, type EntryFilter } from '../../src/lib/map/filter.ts';

// The map's entries as SQL answers them, run as each person: the same
// filter as the page's matchesFilter, and nothing for those outside.

describe.each(backends)('map entry queries on $name', (backend) => {
	let db: Database;
	let cast: NetworkCast;
	let map: TestDocument;
	let entries: MapEntry[];
	let ponte: string;
	const as = (user: TestUser, filter: Partial<EntryFilter> = {}) =>
		withUser(db, user.claims, (tx) => listEntries(tx, cast.network.id, map.id, { ...NO_FILTER, ...filter }));
	const byName = (list: MapEntry[]) => list.map((entry) => entry.name).sort();

	beforeAll(async () => {
		db = await backend.fresh();
		cast = await createNetworkCast(db);
		map = await createDocument(db, cast.network, cast.editor, { kind: 'territorial_map', title: 'Mappatura di Cassino' });
		ponte = (await createPartner(db, cast.network, { name: 'Cooperativa Il Ponte' })).id;
		const entry = (overrides: Partial<MapEntry>) => blankEntry(randomUUID(), overrides);
		// Projected as the collab server does it, from a Y.Doc it observes.
		const doc = new Y.Doc();
		const projection = new ItemsProjection(map.id, doc, MAP_PROJECTOR);
		putEntries(doc, [
			entry({ name: 'Centro di salute mentale di Cassino', category: 'service', system: 'health', targets: ['mental_health'], address: 'Via Casilina Nord, Cassino' }),
			entry({ name: 'Tirocini in falegnameria', category: 'opportunity', system: 'employment', targets: ['mental_health', 'detainees'], partnerId: ponte, tags: ['legno'] }),
			entry({ name: 'Casa della città', category: 'meeting_place', system: 'social', notes: 'Sala per i gruppi di auto mutuo aiuto' }),
			entry({ name: 'Orientamento per over 50', category: 'need', system: 'employment', targets: ['over_50'], contacts: 'cpi.cassino@example.it' })
		]);
		await projection.project(db);
		entries = readEntries(doc).entries;
	});
	afterAll(() => db?.close());

	const FILTERS: [string, Partial<EntryFilter>][] = [
		['a category', { category: 'service' }],
		['a system', { system: 'employment' }],
		['a target group', { target: 'mental_health' }],
		['a partner', { partner: '' }],
		['words without their accents', { q: 'citta' }],
		['words in the contacts, any case', { q: 'CPI.CASSINO' }],
		['words in the tags and notes together', { q: 'legno falegnameria' }],
		['a target group and a system together', { target: 'mental_health', system: 'health' }],
		['a category nothing has', { category: 'resource' }]
	];
	for (const [what, partial] of FILTERS) {
		it(`narrows by ${what} exactly as the page's filter does`, async () => {
			const filter = { ...NO_FILTER, ...partial, ...(partial.partner === '' ? { partner: ponte } : {}) };
			const expected = entries.filter((entry) => matchesFilter(entry, filter));
			const found = await as(cast.viewer, filter);
			expect(byName(found)).toEqual(byName(expected));
			expect(found).toEqual(expect.arrayContaining(expected));
		});
	}

	it('gives every member all the entries, with their places and partners, ordered by name', async () => {
		for (const person of [cast.facilitator, cast.editor, cast.commenter, cast.viewer]) {
			const found = await as(person);
			expect(found.map((entry) => entry.name)).toEqual([
				'Casa della città',
				'Centro di salute mentale di Cassino',
				'Orientamento per over 50',
				'Tirocini in falegnameria'
			]);
		}
		expect((await as(cast.viewer)).find((entry) => entry.partnerId === ponte)?.name).toBe('Tirocini in falegnameria');
	});

	it('projects an import of more entries than one statement writes, every one of them', async () => {
		const big = await createDocument(db, cast.network, cast.editor, { kind: 'territorial_map', title: 'Mappatura importata' });
		const doc = new Y.Doc();
		const projection = new ItemsProjection(big.id, doc, MAP_PROJECTOR);
		const imported = Array.from({ length: 1_234 }, (_, i) => blankEntry(randomUUID(), { name: `Voce importata ${i}`, targets: ['neet'] }));
		putEntries(doc, imported);
		await projection.project(db);
		const found = await withUser(db, cast.viewer.claims, (tx) => listEntries(tx, cast.network.id, big.id, NO_FILTER));
		expect(new Set(found.map((entry) => entry.id))).toEqual(new Set(imported.map((entry) => entry.id)));
	});

	it('names the entries a pact’s commitments refer to, for the network’s members only', async () => {
		const [first, second] = entries;
		const missing = randomUUID();
		const names = (user: TestUser) => withUser(db, user.claims, (tx) => entryNames(tx, cast.network.id, [first.id, second.id, missing]));
		expect(await names(cast.viewer)).toEqual(new Map([[first.id, first.name], [second.id, second.name]]));
		expect(await names(cast.outsider)).toEqual(new Map());
		expect(await withUser(db, cast.viewer.claims, (tx) => entryNames(tx, cast.network.id, []))).toEqual(new Map());
	});

	it("gives another network's facilitator nothing, even asking with this network's ids", async () => {
		expect(await as(cast.outsider)).toEqual([]);
	});
});
