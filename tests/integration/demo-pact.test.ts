import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from './databases.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/lib/server/db/seed.ts';
import { DEMO_PACT_COMMITMENTS } from '../../src/lib/server/db/demo-pact.ts';
import { DEMO_MAP_ENTRIES } from '../../src/lib/server/db/demo-map.ts';
import { COMMITMENTS } from '../../src/lib/pact/commitments-doc.ts';
import { unknownReferences } from '../../src/lib/pact/check.ts';
import { readItems } from '../../src/lib/structured/items-doc.ts';
import { listCommitments } from '../../src/lib/server/pact/queries.ts';
import { searchDocuments } from '../../src/lib/server/documents/queries.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import { claimsFor } from './factories.ts';
import type { Commitment } from '../../src/lib/pact/commitment.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// The demo community pact: commitments from every demo partner in the
// document's Yjs state, every one well-formed and naming only what the demo
// network holds, already projected for the pact's pages; and needs of the
// demo map that no commitment answers yet, for its gaps.

const NETWORK = 'de000000-0000-4000-8000-000000000001';
const PACT = 'dd000000-0000-4000-8000-000000000001';
const GIULIA = DEMO_ACCOUNTS[0];

describe.each(backends)('the demo pact on $name', (backend) => {
	let db: Database;
	let stored: Y.Doc;
	let partners: Set<string>;
	/** As a member reads them, under row-level security. */
	let projected: Commitment[];
	beforeAll(async () => {
		db = await backend.fresh();
		await seedDemo(db);
		const { rows } = await db.query<{ state: Uint8Array }>('select state from public.document_snapshots where document_id = $1', [PACT]);
		stored = new Y.Doc();
		Y.applyUpdate(stored, rows[0].state);
		const found = await db.query<{ id: string }>('select id from public.partners where network_id = $1', [NETWORK]);
		partners = new Set(found.rows.map((row) => row.id));
		projected = await withUser(db, claimsFor(GIULIA), (tx) => listCommitments(tx, PACT));
	});
	afterAll(async () => {
		stored?.destroy();
		await db?.close();
	});

	it('holds every demo commitment in its Yjs state, well-formed', () => {
		const { items, malformed } = readItems(stored, COMMITMENTS);
		expect(malformed).toBe(0);
		expect(items).toEqual([...DEMO_PACT_COMMITMENTS].sort(COMMITMENTS.compare));
	});

	it('is projected: the table holds exactly the commitments of the document', () => {
		expect(projected).toEqual(readItems(stored, COMMITMENTS).items);
	});

	it('has at least one commitment from every partner of the demo network', () => {
		expect(partners.size).toBeGreaterThan(1);
		for (const partner of partners) expect(projected.some((c) => c.partnerId === partner), partner).toBe(true);
	});

	it("names only the network's partners, the map's needs as needs and the map's entries, in 2027", () => {
		const known = { partners, entries: new Map(DEMO_MAP_ENTRIES.map((entry) => [entry.id, entry.category])) };
		for (const commitment of DEMO_PACT_COMMITMENTS) {
			expect(unknownReferences(commitment, known), commitment.title).toEqual([]);
			for (const date of [commitment.from, commitment.to]) expect(date?.slice(0, 4), commitment.title).toBe('2027');
		}
	});

	it('puts in people, hours, spaces, money and equipment, and answers needs and brings entries', () => {
		expect(DEMO_PACT_COMMITMENTS.some((c) => c.people !== null && c.hours !== null)).toBe(true);
		expect(DEMO_PACT_COMMITMENTS.some((c) => c.spaces !== '')).toBe(true);
		expect(DEMO_PACT_COMMITMENTS.some((c) => c.euros !== null)).toBe(true);
		expect(DEMO_PACT_COMMITMENTS.some((c) => c.equipment !== '')).toBe(true);
		expect(DEMO_PACT_COMMITMENTS.every((c) => c.contact !== '')).toBe(true);
		expect(DEMO_PACT_COMMITMENTS.filter((c) => c.needIds.length > 0).length).toBeGreaterThan(DEMO_PACT_COMMITMENTS.length / 2);
		expect(DEMO_PACT_COMMITMENTS.filter((c) => c.entryIds.length > 0).length).toBeGreaterThan(DEMO_PACT_COMMITMENTS.length / 2);
	});

	it('leaves some needs of the demo map unanswered, for the gaps', () => {
		const answered = new Set(projected.flatMap((c) => c.needIds));
		const needs = DEMO_MAP_ENTRIES.filter((entry) => entry.category === 'need');
		const gaps = needs.filter((need) => !answered.has(need.id));
		expect(gaps.length).toBeGreaterThan(0);
		expect(gaps.length).toBeLessThan(needs.length / 2);
	});

	it("is found in the network's documents by a commitment's title", async () => {
		// The co-design plan has a clinical referent too: its action carries out this commitment.
		const hits = await searchDocuments(db, NETWORK, 'referente clinico');
		expect(hits.map((hit) => hit.id)).toContain(PACT);
	});
});
