import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { docToJson, plainText, stateToJson } from '../../../src/lib/documents/content.ts';
import { templateState } from '../../../src/lib/documents/templates.ts';
import { FRAGMENT } from '../../../src/lib/editor/extensions.ts';
import { br, doc, h, hr, img, li, p, table, td, th, row, ul, quote, text } from './factories.ts';

/** A Y.Doc whose fragment holds the given elements, built as a misbehaving client might. */
function ydocWith(...elements: (Y.XmlElement | Y.XmlText)[]): Y.Doc {
	const ydoc = new Y.Doc();
	ydoc.getXmlFragment(FRAGMENT).insert(0, elements);
	return ydoc;
}

function paragraph(words: string): Y.XmlElement {
	const element = new Y.XmlElement('paragraph');
	const content = new Y.XmlText();
	content.insert(0, words);
	element.insert(0, [content]);
	return element;
}

describe('stateToJson', () => {
	it('reads a blank document as one empty paragraph, as the editor shows it', () => {
		expect(stateToJson(Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { guide: null } }] });
	});

	it('throws a clear error for bytes that are not a Yjs update', () => {
		const truncated = templateState('minutes').slice(0, 40);
		for (const bytes of [new Uint8Array(), Uint8Array.of(1, 2, 3), truncated, new TextEncoder().encode('not a state')]) {
			expect(() => stateToJson(bytes)).toThrow('Document state is not a Yjs update');
		}
	});

	it('throws when the state refers to changes it does not contain', () => {
		const ydoc = new Y.Doc();
		Y.applyUpdate(ydoc, templateState('free'));
		const before = Y.encodeStateVector(ydoc);
		ydoc.getXmlFragment(FRAGMENT).insert(1, [paragraph('dopo')]);
		// Only the last change, without the template it builds on.
		expect(() => stateToJson(Y.encodeStateAsUpdate(ydoc, before))).toThrow('Document state is incomplete');
	});

	it('throws when nothing in the document fits the schema', () => {
		const loose = new Y.XmlText();
		loose.insert(0, 'text outside any block');
		expect(() => stateToJson(Y.encodeStateAsUpdate(ydocWith(loose)))).toThrow('Document content does not fit the schema');
		const broken = new Y.XmlElement('table');
		broken.insert(0, [paragraph('a table holds rows, not paragraphs')]);
		expect(() => stateToJson(Y.encodeStateAsUpdate(ydocWith(broken)))).toThrow('Document content does not fit the schema');
	});

	it('drops an element the schema does not know, as every editor would', () => {
		const ydoc = ydocWith(new Y.XmlElement('script'), paragraph('resta'));
		// Read with the schema, the paragraph carries its attribute's default: no guide.
		expect(docToJson(ydoc)).toEqual(doc({ ...p('resta'), attrs: { guide: null } }));
	});
});

describe('plainText', () => {
	it('puts each block on its own line and the cells of a row between tabs', () => {
		const json = doc(
			h(2, 'Impegni'),
			p('Prima', br(), 'seconda'),
			p(),
			ul(li(p('uno'), ul(li(p('uno.uno')))), li(p('due'))),
			quote(p(text('citato', 'bold'))),
			hr(),
			table(row(th('Partner'), th('Impegno')), row(td('Coop'), td('Spazi')), row(td(), td()))
		);
		expect(plainText(json)).toBe('Impegni\nPrima\nseconda\nuno\nuno.uno\ndue\ncitato\nPartner\tImpegno\nCoop\tSpazi');
	});

	it('reads an image as its alt text, on its own line or in its cell', () => {
		const FILE = '0b7c3f4e-9a1d-4c2e-8f5a-6d3b2a1c0e9f';
		const cell = { type: 'tableCell', content: [p('Foto:'), img(FILE, 'Lavagna\n del tavolo')] };
		expect(plainText(doc(p('Prima'), img(FILE, 'Lavagna del tavolo'), table(row(cell, td('x')))))).toBe(
			'Prima\nLavagna del tavolo\nFoto: Lavagna del tavolo\tx'
		);
	});

	it('keeps a cell on one line even when it holds several paragraphs', () => {
		const cell = { type: 'tableCell', content: [p('a', br(), 'b'), p('c')] };
		expect(plainText(doc(table(row(cell, td('d')))))).toBe('a b c\td');
	});

	it('throws a clear error for JSON that is not a document', () => {
		expect(() => plainText({ type: 'doc', content: 'oops' } as never)).toThrow('Malformed document');
		expect(() => plainText({ type: 'text' } as never)).toThrow('a text node without text');
	});
});
