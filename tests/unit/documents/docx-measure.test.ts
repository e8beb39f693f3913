import { describe, expect, it } from 'vitest';
import { cellExtent } from '../../../src/lib/documents/docx-measure.ts';
import { br, h, li, p, td, text, ul } from './factories.ts';

const noImages = () => 0;

describe('cellExtent', () => {
	it('measures a word no narrower than Times New Roman Bold draws it at 10 points, margins included', () => {
		// C a s s i n o in Times New Roman Bold: 3334 thousandths of an em; at 10 pt, 20 twips a point; 300 of margins.
		expect(cellExtent(td('Cassino'), noImages)).toEqual({ min: 3334 * 0.2 + 300, max: 3334 * 0.2 + 300 });
	});

	it('counts an accented letter as its letter, and breaks lines only at spaces and hard breaks', () => {
		const extent = cellExtent(td('Attività', br(), 'a b'), noImages);
		expect(extent.min).toBeCloseTo(cellExtent(td('Attivita'), noImages).min);
		expect(extent.max).toBe(extent.min);
		const words = cellExtent({ type: 'tableCell', content: [p(text('Acco', 'bold'), 'glienza notturna')] }, noImages);
		expect(words.min).toBeCloseTo(cellExtent(td('Accoglienza'), noImages).min);
		expect(words.max).toBeGreaterThan(words.min);
	});

	it('would like an image’s own width but needs none of it', () => {
		const cell = { type: 'tableCell', content: [{ type: 'image', attrs: {} }] };
		expect(cellExtent(cell, () => 200)).toEqual({ min: 300, max: 200 * 15 + 300 });
	});

	it('adds a list level’s indent to the words in it, and measures a heading at its larger size', () => {
		const plain = cellExtent(td('Dipendenze'), noImages);
		const listed = cellExtent({ type: 'tableCell', content: [ul(li(p('Dipendenze')))] }, noImages);
		expect(listed.min).toBeCloseTo(plain.min + 720);
		const heading = cellExtent({ type: 'tableCell', content: [h(1, 'Dipendenze')] }, noImages);
		// Heading 1 is 16 points against the text's 10, margins aside.
		expect(heading.min - 300).toBeCloseTo(((plain.min - 300) * 16) / 10);
	});
});
