import { describe, expect, it } from 'vitest';
import { blankEntry } from '../../../src/lib/map/entry.ts';
import { filterFromParams, filterToParams, isFiltered, matchesFilter, NO_FILTER } from '../../../src/lib/map/filter.ts';

const PARTNER = 'b0000000-0000-4000-8000-000000000001';
const entry = blankEntry('00000000-0000-4000-8000-000000000001', {
	name: 'Centro diurno «Il Girasole»',
	category: 'service',
	system: 'health',
	targets: ['mental_health', 'disability'],
	partnerId: PARTNER,
	address: 'Via Città di Pescara 5, Frosinone',
	tags: ['laboratori']
});

describe('the entry filter', () => {
	it('reads known values from the address and ignores the rest', () => {
		const filter = filterFromParams(new URLSearchParams(`category=need&system=lavoro&target=neet&partner=${PARTNER}&q=%20sora%20&view=table`));
		expect(filter).toEqual({ category: 'need', system: null, target: 'neet', partner: PARTNER, q: 'sora' });
		expect(filterFromParams(new URLSearchParams('partner=../x'))).toEqual(NO_FILTER);
	});

	it('writes the filter back without losing the view, and drops empty values', () => {
		const params = filterToParams({ ...NO_FILTER, target: 'migrants' }, new URLSearchParams('view=table&q=old'));
		expect(params.toString()).toBe('view=table&target=migrants');
		expect(isFiltered(NO_FILTER)).toBe(false);
		expect(isFiltered({ ...NO_FILTER, q: 'x' })).toBe(true);
	});

	it('matches every criterion, and words in any order, case or accents', () => {
		expect(matchesFilter(entry, { ...NO_FILTER, target: 'disability', system: 'health', partner: PARTNER })).toBe(true);
		expect(matchesFilter(entry, { ...NO_FILTER, target: 'neet' })).toBe(false);
		expect(matchesFilter(entry, { ...NO_FILTER, category: 'need' })).toBe(false);
		expect(matchesFilter(entry, { ...NO_FILTER, q: 'frosinone CITTA girasole' })).toBe(true);
		expect(matchesFilter(entry, { ...NO_FILTER, q: 'LABORATORI' })).toBe(true);
		expect(matchesFilter(entry, { ...NO_FILTER, q: 'girasole cassino' })).toBe(false);
	});
});
