import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from './databases.ts';
import { seedDemo } from '../../src/lib/server/db/seed.ts';
import { DEMO_MAP_ENTRIES } from '../../src/lib/server/db/demo-map.ts';
import { readEntries } from '../../src/lib/map/entries-doc.ts';
import { listEntries } from '../../src/lib/server/map/queries.ts';
import { searchDocuments } from '../../src/lib/server/documents/queries.ts';
import { CATEGORIES, SYSTEMS, type MapEntry } from '../../src/lib/map/entry.ts';
import { NO_FILTER } from '../../src/lib/map/filter.ts';
import { FRAGMENT } from '../../src/lib/editor/fragment.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// The demo territorial map: its entries are in the document's Yjs state,
// every one well-formed, and already projected for search and export.

const NETWORK = 'de000000-0000-4000-8000-000000000001';
const MAP = 'dd000000-0000-4000-8000-000000000002';
const byId = (entries: MapEntry[]) => [...entries].sort((a, b) => a.id.localeCompare(b.id));

describe.each(backends)('the demo map on $name', (backend) => {
	let db: Database;
	let stored: Y.Doc;
	beforeAll(async () => {
		db = await backend.fresh();
		await seedDemo(db);
		const { rows } = await db.query<{ state: Uint8Array }>('select state from public.document_snapshots where document_id = $1', [MAP]);
		stored = new Y.Doc();
		Y.applyUpdate(stored, rows[0].state);
	});
	afterAll(async () => {
		stored?.destroy();
		await db?.close();
	});

	it("holds every demo entry, well-formed, beside the template's text", () => {
		const { entries, malformed } = readEntries(stored);
		expect(malformed).toBe(0);
		expect(byId(entries)).toEqual(byId(DEMO_MAP_ENTRIES));
		expect(stored.getXmlFragment(FRAGMENT).length).toBeGreaterThan(0);
	});

	it('is projected: the table holds exactly the entries of the document', async () => {
		expect(byId(await listEntries(db, NETWORK, MAP, NO_FILTER))).toEqual(byId(DEMO_MAP_ENTRIES));
	});

	it("is found in the network's documents by the name of an entry", async () => {
		const hits = await searchDocuments(db, NETWORK, 'falegnameria');
		expect(hits.map((hit) => hit.id)).toEqual([MAP]);
	});

	it('covers every category and system, on the map, with partners of the demo network', async () => {
		expect(new Set(DEMO_MAP_ENTRIES.map((e) => e.category))).toEqual(new Set(CATEGORIES));
		expect(new Set(DEMO_MAP_ENTRIES.map((e) => e.system))).toEqual(new Set(SYSTEMS));
		expect(DEMO_MAP_ENTRIES.every((e) => e.position !== null)).toBe(true);
		const { rows } = await db.query<{ id: string }>('select id from public.partners where network_id = $1', [NETWORK]);
		const partners = new Set(rows.map((r) => r.id));
		const named = DEMO_MAP_ENTRIES.filter((e) => e.partnerId !== null);
		expect(named.length).toBeGreaterThan(DEMO_MAP_ENTRIES.length / 2);
		expect(named.filter((e) => !partners.has(e.partnerId!))).toEqual([]);
	});

	it('has needs that something else serves, and needs that nothing does', () => {
		const offers = DEMO_MAP_ENTRIES.filter((e) => e.category !== 'need' && e.category !== 'meeting_place');
		const served = (need: MapEntry) => offers.some((offer) => offer.targets.some((target) => need.targets.includes(target)));
		const needs = DEMO_MAP_ENTRIES.filter((e) => e.category === 'need');
		expect(needs.filter(served).length).toBeGreaterThanOrEqual(3);
		expect(needs.filter((need) => !served(need)).map((need) => need.targets)).toEqual([['women_violence']]);
	});
});
