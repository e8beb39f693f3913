import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { stateText } from '../../../src/lib/server/collab/text.ts';
import { documentSchema, FRAGMENT } from '../../../src/lib/editor/extensions.ts';
import { plainText } from '../../../src/lib/documents/content.ts';
import { doc, img, p, row, table, td } from '../documents/factories.ts';

const FILE = '0b7c3f4e-9a1d-4c2e-8f5a-6d3b2a1c0e9f';

function state(json: ReturnType<typeof doc>): Uint8Array {
	const ydoc = new Y.Doc();
	prosemirrorJSONToYXmlFragment(documentSchema(), json, ydoc.getXmlFragment(FRAGMENT));
	return Y.encodeStateAsUpdate(ydoc);
}

describe('stateText', () => {
	it('finds an image by its alt text, as the exports read it', () => {
		const json = doc(
			p('Il tavolo'),
			img(FILE, 'Lavagna con le\n tre priorità'),
			table(row({ type: 'tableCell', content: [p('Foto'), img(FILE, 'Sala del Comune')] }, td('x')))
		);
		expect(stateText(state(json))).toBe('Il tavolo\nLavagna con le tre priorità\nFoto Sala del Comune\tx');
		expect(stateText(state(json))).toBe(plainText(json));
	});
});
