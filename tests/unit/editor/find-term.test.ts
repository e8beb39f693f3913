import { describe, expect, it } from 'vitest';
import { findFirst, findInBlock, searchCandidates } from '../../../src/lib/editor/find-term.ts';

describe('searchCandidates', () => {
	it('tries the phrase, then the longest word first, then stem-like prefixes', () => {
		expect(searchCandidates('patto comunità')).toEqual(['patto comunità', 'comunità', 'patto', 'comuni', 'patt']);
	});

	it('drops websearch syntax: quotes, OR and excluded words', () => {
		expect(searchCandidates('"centro impiego" or tirocini -scuola')).toEqual([
			'centro impiego tirocini',
			'tirocini',
			'impiego',
			'centro',
			'tiroci',
			'impie',
			'cent'
		]);
	});

	it('returns nothing for a query of punctuation only', () => {
		expect(searchCandidates(' " - ')).toEqual([]);
	});
});

describe('finding the words in the editor', () => {
	const runs = [
		{ text: 'Il ', pos: 1 },
		{ text: 'Centro per', pos: 4 },
		{ text: ' l’impiego di Sora', pos: 14 }
	];

	it('maps a match to document positions, across runs of different formatting', () => {
		expect(findInBlock(runs, ['centro per l’impiego'])).toEqual({ from: 4, to: 24 });
	});

	it('ignores case', () => {
		expect(findInBlock(runs, ['SORA'.toLowerCase()])).toEqual({ from: 28, to: 32 });
	});

	it('finds a stemmed form when the exact word is not in the text', () => {
		const blocks = [[{ text: 'Obiettivi generali', pos: 1 }], [{ text: 'Le progettazioni condivise', pos: 21 }]];
		expect(findFirst(blocks, 'progetti')).toEqual({ from: 24, to: 30 });
	});

	it('prefers an exact phrase later in the document to a word earlier on', () => {
		const blocks = [[{ text: 'Un patto tra enti', pos: 1 }], [{ text: 'Il patto di comunità', pos: 20 }]];
		expect(findFirst(blocks, 'patto di comunità')).toEqual({ from: 23, to: 40 });
	});

	it('returns null when nothing matches', () => {
		expect(findFirst([[{ text: 'Nulla qui', pos: 1 }]], 'tirocinio')).toBeNull();
	});
});
