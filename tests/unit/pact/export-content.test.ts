import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { documentSchema, FRAGMENT } from '../../../src/lib/editor/extensions.ts';
import { exportJson, readExportParts } from '../../../src/lib/documents/export-content.ts';
import { toMarkdown } from '../../../src/lib/documents/markdown.ts';
import { putItems } from '../../../src/lib/structured/items-doc.ts';
import { COMMITMENTS } from '../../../src/lib/pact/commitments-doc.ts';
import { putEntries } from '../../../src/lib/map/entries-doc.ts';
import { blankEntry } from '../../../src/lib/map/entry.ts';
import type { DocumentKind } from '../../../src/lib/documents/kinds.ts';
import { PARTNERS } from '../../fixtures/frosinone.ts';
import { demoCommitments, ENTRIES, pactText } from '../../fixtures/pact.ts';

/** A stored state holding the pact's text, its commitments and a map entry, as a crafted or confused document might. */
function state(): Uint8Array {
	const ydoc = new Y.Doc();
	prosemirrorJSONToYXmlFragment(documentSchema(), pactText(), ydoc.getXmlFragment(FRAGMENT));
	putItems(ydoc, COMMITMENTS, demoCommitments());
	putEntries(ydoc, [blankEntry('e1000000-0000-4000-8000-000000000001', { name: 'Voce estranea' })]);
	return Y.encodeStateAsUpdate(ydoc);
}

const markdown = (kind: DocumentKind, names = new Map<string, string>()) => {
	const parts = readExportParts(state(), kind);
	return { parts, text: toMarkdown(exportJson(parts, Object.values(PARTNERS), names, 'it'), { origin: 'https://trama.example' }) };
};

describe('what a document’s exports write', () => {
	it('is, for a community pact, its text then its commitments, the maps’ entries named as given', () => {
		const { parts, text } = markdown('community_pact', new Map([[ENTRIES.overFifty.id, ENTRIES.overFifty.name]]));
		expect(parts.entryIds.sort()).toEqual([ENTRIES.overFifty.id, ENTRIES.tirocini.id, ENTRIES.sportello.id, 'e0000000-0000-4000-8000-0000000000ff'].sort());
		expect(text.indexOf('## Impegni dei partner')).toBeGreaterThan(text.indexOf('Il presente patto ha durata triennale.'));
		expect(text).toContain('| Comune di Frosinone – Servizi sociali | **Borse lavoro per persone in carico ai servizi sociali**');
		expect(text).toContain('Lavoro per over 50 a Cassino');
		expect(text).toContain('Voce non più nelle mappe');
		expect(text).not.toContain('Voce estranea');
	});

	it('is, for a map, its text then its entries, and for any other kind its text alone', () => {
		expect(markdown('territorial_map').text).toContain('Voce estranea');
		expect(markdown('territorial_map').text).not.toContain('Impegni dei partner');
		const free = markdown('free');
		expect(free.parts.entryIds).toEqual([]);
		expect(free.text).not.toMatch(/Impegni dei partner|Voci della mappa/);
		expect(free.text).toContain('Il presente patto ha durata triennale.');
	});
});
