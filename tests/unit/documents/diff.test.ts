import { describe, expect, it } from 'vitest';
import { diffBlocks } from '../../../src/lib/documents/diff.ts';
import { doc, h, img, p, row, table, td } from './factories.ts';

const statuses = (blocks: ReturnType<typeof diffBlocks>) => blocks.map((block) => block.status);

describe('diffBlocks', () => {
	it('reports identical documents as the same, block by block', () => {
		const version = doc(h(2, 'Premesse'), p('Il patto unisce i partner.'));
		expect(diffBlocks(version, version)).toEqual([
			{ status: 'same', parts: [{ kind: 'same', text: 'Premesse' }] },
			{ status: 'same', parts: [{ kind: 'same', text: 'Il patto unisce i partner.' }] }
		]);
	});

	it('reports a new block as added, in its place', () => {
		const before = doc(h(2, 'Premesse'), h(2, 'Durata'));
		const after = doc(h(2, 'Premesse'), p('Art. 55 del Codice del Terzo Settore.'), h(2, 'Durata'));
		const blocks = diffBlocks(before, after);
		expect(statuses(blocks)).toEqual(['same', 'added', 'same']);
		expect(blocks[1].parts).toEqual([{ kind: 'added', text: 'Art. 55 del Codice del Terzo Settore.' }]);
	});

	it('reports an image added or described anew through its alt text', () => {
		const FILE = '0b7c3f4e-9a1d-4c2e-8f5a-6d3b2a1c0e9f';
		const before = doc(p('Primo.'), img(FILE, 'Lavagna del tavolo di marzo'));
		const after = doc(p('Primo.'), img(FILE, 'Lavagna del tavolo di aprile'), img(FILE, 'Foto di gruppo'));
		const blocks = diffBlocks(before, after);
		expect(statuses(blocks)).toEqual(['same', 'changed', 'added']);
		expect(blocks[1].parts).toContainEqual({ kind: 'added', text: 'aprile' });
		expect(blocks[2].parts).toEqual([{ kind: 'added', text: 'Foto di gruppo' }]);
	});

	it('reports a deleted block as removed', () => {
		const before = doc(p('Primo.'), p('Da togliere.'), p('Ultimo.'));
		const blocks = diffBlocks(before, doc(p('Primo.'), p('Ultimo.')));
		expect(statuses(blocks)).toEqual(['same', 'removed', 'same']);
		expect(blocks[1].parts).toEqual([{ kind: 'removed', text: 'Da togliere.' }]);
	});

	it('reports an edited block as changed, word by word', () => {
		const before = doc(p('Il patto dura due anni dalla firma.'));
		const after = doc(p('Il patto dura tre anni dalla firma.'));
		expect(diffBlocks(before, after)).toEqual([
			{
				status: 'changed',
				parts: [
					{ kind: 'same', text: 'Il patto dura ' },
					{ kind: 'removed', text: 'due' },
					{ kind: 'added', text: 'tre' },
					{ kind: 'same', text: ' anni dalla firma.' }
				]
			}
		]);
	});

	it('reports a rewritten block as one removed and one added, not as a tangle of words', () => {
		const blocks = diffBlocks(doc(p('Riunioni mensili del tavolo tecnico.')), doc(p('Budget: 40.000 euro dalla Regione.')));
		expect(statuses(blocks)).toEqual(['removed', 'added']);
	});

	it('compares a table row by row through its text', () => {
		const before = doc(table(row(td('Coop'), td('Spazi'))));
		const after = doc(table(row(td('Coop'), td('Spazi e personale'))));
		const [block] = diffBlocks(before, after);
		expect(block.status).toBe('changed');
		expect(block.parts.filter((part) => part.kind === 'added').map((part) => part.text.trim())).toEqual(['e personale']);
	});

	it('ignores empty paragraphs, which carry nothing to compare', () => {
		expect(statuses(diffBlocks(doc(p('a')), doc(p(), p('a'), p())))).toEqual(['same']);
	});
});
