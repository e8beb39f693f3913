import { describe, expect, it } from 'vitest';
import { blocks } from '../../../src/lib/documents/pdf.ts';
import { doc, h, img, li, link, ol, p, quote, row, table, td, text, th, ul } from './factories.ts';

const context = { imageNote: (alt: string) => (alt ? `[Immagine: ${alt}]` : '[Immagine]') };
const write = (...nodes: ReturnType<typeof p>[]) => JSON.parse(JSON.stringify(blocks(doc(...nodes).content!, context)));

describe('a document as pdfmake content', () => {
	it('keeps marks and safe links, and leaves an unsafe link as plain text', () => {
		const [written] = write(
			p(text('grassetto', 'bold'), text('corsivo', 'italic'), text('barrato', 'strike'), text('sito', link('https://www.normattiva.it/')), text('trappola', link('javascript:alert(1)')))
		);
		expect(written.text).toEqual([
			{ text: 'grassetto', bold: true },
			{ text: 'corsivo', italics: true },
			{ text: 'barrato', decoration: 'lineThrough' },
			{ text: 'sito', decoration: 'underline', link: 'https://www.normattiva.it/', color: '#1a4f8b' },
			{ text: 'trappola' }
		]);
	});

	it('keeps a heading with the paragraph it heads on one page', () => {
		const [kept, list] = write(h(2, 'Premesse'), p('Visto l’art. 55'), ul(li(p('uno'))));
		expect(kept.unbreakable).toBe(true);
		expect(kept.stack.map((block: { text: { text: string }[] }) => block.text[0].text)).toEqual(['Premesse', 'Visto l’art. 55']);
		expect(list.ul).toHaveLength(1);
	});

	it('numbers an ordered list from its start and sets a quote apart', () => {
		const [numbered, quoted] = write(ol(3, li(p('terzo')), li(p('quarto'))), quote(p('Nessuno resta indietro')));
		expect(numbered.start).toBe(3);
		expect(numbered.ol).toHaveLength(2);
		expect(quoted.table.body[0][0].italics).toBe(true);
	});

	it('writes a table with its header repeated, rows kept whole, and spanned places declared empty', () => {
		const merged = { ...td('unito'), attrs: { colspan: 2, rowspan: 1 } };
		const [written] = write(table(row(th('A'), th('B')), row(merged), row(td('c'))));
		expect(written.table.headerRows).toBe(1);
		expect(written.table.dontBreakRows).toBe(true);
		expect(written.table.widths).toEqual(['*', '*']);
		expect(written.table.body[1]).toEqual([expect.objectContaining({ colSpan: 2 }), {}]);
		// A row shorter than the table is filled out.
		expect(written.table.body[2][1]).toEqual({ text: '' });
		expect(written.table.body[0][0].bold).toBe(true);
	});

	it('leaves an image out with a note of its alternative text, and drops characters a PDF cannot show', () => {
		const [image, controlled] = write(img('f0000000-0000-4000-8000-000000000001', 'Logo della rete'), p('a\u0007b\ud800c'));
		expect(image.text).toBe('[Immagine: Logo della rete]');
		expect(controlled.text[0].text).toBe('ab\ufffdc');
	});
});
