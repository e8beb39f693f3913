import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from './databases.ts';
import { seedDemo } from '../../src/lib/server/db/seed.ts';
import { docToJson } from '../../src/lib/documents/content.ts';
import { FRAGMENT } from '../../src/lib/editor/fragment.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

// The demo's templated documents as stored: guides as hints on empty
// paragraphs (never italic text, never search text), and the pact's
// comments anchored on words its people wrote.

const PACT = 'dd000000-0000-4000-8000-000000000001';

describe.each(backends)('the demo documents on $name', (backend) => {
	let db: Database;
	const stored = new Map<string, Y.Doc>();
	beforeAll(async () => {
		db = await backend.fresh();
		await seedDemo(db);
		const { rows } = await db.query<{ document_id: string; state: Uint8Array }>('select document_id, state from public.document_snapshots');
		for (const row of rows) {
			const ydoc = new Y.Doc();
			Y.applyUpdate(ydoc, row.state);
			stored.set(row.document_id, ydoc);
		}
	});
	afterAll(async () => {
		for (const ydoc of stored.values()) ydoc.destroy();
		await db?.close();
	});

	it('show their guides as hints, not as italic text nor as searchable words', async () => {
		expect(stored.size).toBe(4);
		for (const [id, ydoc] of stored) {
			const json = JSON.stringify(docToJson(ydoc));
			expect(json, id).not.toContain('italic');
			const hints = ydoc
				.getXmlFragment(FRAGMENT)
				.toArray()
				.filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.length === 0 && !!node.getAttribute('guide'));
			expect(hints.length, id).toBeGreaterThan(1);
			const { rows } = await db.query<{ content_text: string }>('select content_text from public.documents where id = $1', [id]);
			for (const hint of hints) expect(rows[0].content_text, id).not.toContain(hint.getAttribute('guide'));
		}
	});

	it("anchor the pact's comments on the words they quote", async () => {
		const { rows } = await db.query<{ quote: string; anchor_from: Uint8Array; anchor_to: Uint8Array }>(
			'select quote, anchor_from, anchor_to from public.comments where document_id = $1',
			[PACT]
		);
		expect(rows).toHaveLength(2);
		const pact = stored.get(PACT)!;
		for (const comment of rows) {
			const [from, to] = [comment.anchor_from, comment.anchor_to].map((bytes) =>
				Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes), pact)
			);
			expect(from, comment.quote).not.toBeNull();
			const text = from!.type as Y.XmlText;
			const words = text
				.toDelta()
				.map((part: { insert: unknown }) => part.insert)
				.join('')
				.slice(from!.index, to!.index);
			expect(words).toBe(comment.quote);
		}
	});
});
