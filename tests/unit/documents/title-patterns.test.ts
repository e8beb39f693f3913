import { describe, expect, it } from 'vitest';
import { titlePatterns } from '../../../src/lib/server/documents/title-search.ts';

describe('titlePatterns', () => {
	it('makes one pattern per word, found anywhere in the title', () => {
		expect(titlePatterns('  patto   lavoro ')).toEqual(['%patto%', '%lavoro%']);
	});

	it('escapes the characters LIKE would take as wildcards or escapes', () => {
		expect(titlePatterns('100% a_b c\\d')).toEqual(['%100\\%%', '%a\\_b%', '%c\\\\d%']);
	});

	it('is nothing to match for nothing typed, and stops at eight words', () => {
		expect(titlePatterns('   ')).toEqual([]);
		expect(titlePatterns('1 2 3 4 5 6 7 8 9 10')).toHaveLength(8);
	});
});
