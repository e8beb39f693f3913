import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from './databases.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/lib/server/db/seed.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import { listSeals, loadSeal } from '../../src/lib/server/pact/seals.ts';
import { loadRegister } from '../../src/lib/server/pact/adhesions.ts';
import { canonicalPact } from '../../src/lib/pact/fingerprint.ts';
import { claimsFor } from './factories.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// The demo pact is half-way to being signed: one sealed version of the pact
// as seeded, and the adhesions of some of its partners, one citing a delibera.

const NETWORK = 'de000000-0000-4000-8000-000000000001';
const PACT = 'dd000000-0000-4000-8000-000000000001';

describe.each(backends)('the demo pact’s sealed version on $name', (backend) => {
	let db: Database;
	const paolo = claimsFor(DEMO_ACCOUNTS[3]);
	beforeAll(async () => {
		db = await backend.fresh();
		await seedDemo(db);
	});
	afterAll(() => db?.close());

	it('has version 1 sealed by Giulia, its fingerprint that of the pact as stored, and some partners adhered', async () => {
		const [seal] = await withUser(db, paolo, (tx) => listSeals(tx, PACT));
		expect(seal).toMatchObject({ number: 1, sealedByName: 'Giulia Rinaldi', adhered: 3 });
		expect(seal.partners).toBeGreaterThan(seal.adhered);
		const sealed = await withUser(db, paolo, (tx) => loadSeal(tx, NETWORK, PACT, seal.id));
		const { rows } = await db.query<{ state: Uint8Array }>('select state from public.document_snapshots where document_id = $1', [PACT]);
		const ydoc = new Y.Doc();
		Y.applyUpdate(ydoc, new Uint8Array(rows[0].state));
		const expected = canonicalPact(ydoc, {
			network: { id: NETWORK, name: sealed!.networkName },
			documentId: PACT,
			title: sealed!.title,
			partnerNames: new Map(sealed!.partners.map((p) => [p.id, p.name]))
		});
		expect(sealed!.fingerprint).toBe(expected.fingerprint);

		const register = await withUser(db, paolo, (tx) => loadRegister(tx, seal.id));
		const adhered = register.filter((line) => line.standing === 'adhered');
		expect(adhered.map((line) => line.signerName).sort()).toEqual(['Anna Colombo', 'Marco Ferri', 'Paolo De Santis']);
		expect(adhered.find((line) => line.signerName === 'Anna Colombo')?.act).toMatchObject({ kind: 'delibera', number: '214' });
	});
});
