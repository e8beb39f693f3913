import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from '../databases.ts';
import { createDocument, type TestDocument } from '../factories.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import { sealPact } from '../../../src/lib/server/pact/seals.ts';
import { canonicalPact } from '../../../src/lib/pact/fingerprint.ts';
import { connect, eventually, paragraphs, startCollab, type RunningCollab } from './harness.ts';
import { createScene, type Scene } from './scene.ts';

// Sealing while people type: the seal takes the room's state at one instant
// (a prefix of what the writer typed, nothing half-applied), and everything
// typed before, during and after it stays in the live pact.

describe.each(backends)('sealing a pact while someone types, on $name', (backend) => {
	let db: Database;
	let scene: Scene;
	let pact: TestDocument;
	let server: RunningCollab;

	beforeAll(async () => {
		db = await backend.fresh();
		scene = await createScene(db);
		pact = await createDocument(db, scene.network, scene.editor, { kind: 'community_pact', title: 'Patto di Sora' });
		server = await startCollab(db);
	});
	afterAll(async () => {
		await server?.close();
		await db?.close();
	});

	it('seals one consistent state and loses nothing typed', async () => {
		const writer = connect(server.url, pact.id, scene.editor.cookie);
		await eventually(() => expect(writer.provider.synced).toBe(true));
		const lines = Array.from({ length: 60 }, (_, i) => `riga ${i}`);
		const typing = (async () => {
			for (const line of lines) {
				writer.write(line);
				await new Promise((resolve) => setTimeout(resolve, 3));
			}
		})();
		// Once the server has some of it, seal while the rest is still being typed.
		await eventually(async () => {
			const live = new Y.Doc();
			Y.applyUpdate(live, await server.collab.encodeState(pact.id));
			expect(paragraphs(live).filter((p) => p.startsWith('riga')).length).toBeGreaterThan(5);
		});
		const sealed = await sealPact({
			asPerson: (fn) => withUser(db, scene.facilitator.claims, fn),
			service: db,
			encodeState: (id) => server.collab.encodeState(id),
			documentId: pact.id,
			userId: scene.facilitator.id
		});
		await typing;

		const { rows } = await db.query<{ state: Uint8Array; canonical_text: string; networkName: string }>(
			`select s.state, s.canonical_text, n.name as "networkName" from public.pact_seals s
			 join public.networks n on n.id = s.network_id where s.id = $1`,
			[sealed.id]
		);
		const then = new Y.Doc();
		Y.applyUpdate(then, new Uint8Array(rows[0].state));
		const sealedLines = paragraphs(then).filter((p) => p.startsWith('riga'));
		// One instant: the first k lines typed, in order, each whole.
		expect(sealedLines).toEqual(lines.slice(0, sealedLines.length));
		expect(sealedLines.length).toBeGreaterThan(5);
		const again = canonicalPact(then, {
			network: { id: scene.network.id, name: rows[0].networkName },
			documentId: pact.id,
			title: 'Patto di Sora',
			partnerNames: new Map()
		});
		expect(again.text).toBe(rows[0].canonical_text);
		expect(again.fingerprint).toBe(sealed.fingerprint);

		// Nothing typed is lost from the live pact: a newcomer reads every line.
		const reader = connect(server.url, pact.id, scene.viewer.cookie);
		await eventually(() => expect(paragraphs(reader.doc).filter((p) => p.startsWith('riga'))).toEqual(lines));
		writer.destroy();
		reader.destroy();
	});
});
