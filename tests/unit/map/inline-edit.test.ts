import { describe, expect, it } from 'vitest';
import { checkCell, draftOf } from '../../../src/lib/map/inline-edit.ts';
import { sameValue } from '../../../src/lib/map/entry.ts';
import { PARTNERS, entry } from '../../fixtures/frosinone.ts';

const sportello = entry({
	name: 'Sportello lavoro',
	partnerId: PARTNERS.cpi.id,
	places: 12,
	tags: ['tirocini', 'L. 68/1999'],
	targets: ['disability']
});

describe('a cell edited in place', () => {
	it('starts from the words the cell shows', () => {
		expect(draftOf(sportello, 'places')).toBe('12');
		expect(draftOf(sportello, 'tags')).toBe('tirocini, L. 68/1999');
		expect(draftOf(sportello, 'partnerId')).toBe(PARTNERS.cpi.id);
		expect(draftOf({ ...sportello, partnerId: null, places: null }, 'partnerId')).toBe('');
	});

	it('tidies what is typed into the value the entry holds', () => {
		expect(checkCell(sportello, 'name', '  Sportello lavoro Alatri ')).toMatchObject({ value: 'Sportello lavoro Alatri', problems: [] });
		expect(checkCell(sportello, 'tags', 'tirocini,  verde , tirocini,')).toMatchObject({ value: ['tirocini', 'verde'] });
		expect(checkCell(sportello, 'places', ' 8 ')).toMatchObject({ value: 8 });
		expect(checkCell(sportello, 'places', '1.000')).toMatchObject({ value: 1000 });
		expect(checkCell(sportello, 'places', '')).toMatchObject({ value: null });
		expect(checkCell(sportello, 'partnerId', '')).toMatchObject({ value: null });
		expect(checkCell(sportello, 'targets', ['neet', 'migrants'])).toMatchObject({ value: ['neet', 'migrants'] });
	});

	it('names what is wrong with the words as typed', () => {
		expect(checkCell(sportello, 'name', '   ').problems).toEqual([{ field: 'name', code: 'required' }]);
		expect(checkCell(sportello, 'places', 'dodici').problems).toEqual([{ field: 'places', code: 'not_a_number', value: 'dodici' }]);
		expect(checkCell(sportello, 'places', '2,5').problems).toEqual([{ field: 'places', code: 'places_range', value: '2.5' }]);
		expect(checkCell(sportello, 'places', '-3').problems).toEqual([{ field: 'places', code: 'places_range', value: '-3' }]);
		expect(checkCell(sportello, 'tags', 'x'.repeat(41)).problems).toEqual([{ field: 'tags', code: 'tag_too_long', value: 'x'.repeat(41) }]);
	});

	it('tells a changed value from the same one', () => {
		expect(sameValue(['neet'], ['neet'])).toBe(true);
		expect(sameValue(['neet'], ['neet', 'migrants'])).toBe(false);
		expect(sameValue(null, 0)).toBe(false);
	});
});
