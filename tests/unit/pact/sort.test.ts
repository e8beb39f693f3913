import { describe, expect, it } from 'vitest';
import { blankCommitment } from '../../../src/lib/pact/commitment.ts';
import { nextCommitmentSort, sortCommitments } from '../../../src/lib/pact/sort.ts';

const words = { partner: (id: string) => ({ p1: 'Comune', p2: 'Arcobaleno' })[id] ?? '', system: (code: string) => code };
const a = blankCommitment('a', 'p1', { title: 'Sportello', euros: 5000, to: '2027-12-31' });
const b = blankCommitment('b', 'p2', { title: 'Tutoraggio', euros: 120000 });
const c = blankCommitment('c', 'p2', { title: 'Aule', euros: null, to: '2027-06-30' });

describe('sortCommitments', () => {
	it('sorts money as numbers, either way, with empty amounts last', () => {
		expect(sortCommitments([a, b, c], { column: 'euros', dir: 'asc' }, words).map((x) => x.id)).toEqual(['a', 'b', 'c']);
		expect(sortCommitments([a, b, c], { column: 'euros', dir: 'desc' }, words).map((x) => x.id)).toEqual(['b', 'a', 'c']);
	});

	it('sorts by the partner name people read, then by title', () => {
		expect(sortCommitments([a, b, c], { column: 'partner', dir: 'asc' }, words).map((x) => x.id)).toEqual(['c', 'b', 'a']);
	});

	it('sorts dates and leaves open ones last', () => {
		expect(sortCommitments([a, b, c], { column: 'to', dir: 'asc' }, words).map((x) => x.id)).toEqual(['c', 'a', 'b']);
	});

	it('turns the order round on the same column and starts ascending on another', () => {
		expect(nextCommitmentSort({ column: 'euros', dir: 'asc' }, 'euros')).toEqual({ column: 'euros', dir: 'desc' });
		expect(nextCommitmentSort({ column: 'euros', dir: 'desc' }, 'hours')).toEqual({ column: 'hours', dir: 'asc' });
	});
});
