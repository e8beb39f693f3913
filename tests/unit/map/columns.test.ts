import { describe, expect, it } from 'vitest';
import { categoryFrom, columnOf, systemFrom, targetFrom } from '../../../src/lib/map/columns.ts';

describe('file columns and words', () => {
	it('knows a column by its Italian or English name, in any case or accents', () => {
		expect(columnOf(' Nome ')?.key).toBe('name');
		expect(columnOf('LATITUDE')?.key).toBe('lat');
		expect(columnOf('Capacità')?.key).toBe('places');
		expect(columnOf('colore')).toBeNull();
	});

	it('turns the words people write into codes, and leaves unknown words for the check to name', () => {
		expect(categoryFrom('Opportunità di lavoro o tirocinio')).toBe('opportunity');
		expect(categoryFrom('meeting place')).toBe('meeting_place');
		expect(categoryFrom('bisogno')).toBe('need');
		expect(systemFrom('Sanitario')).toBe('health');
		expect(systemFrom('employment')).toBe('employment');
		expect(targetFrom('giovani neet')).toBe('neet');
		expect(targetFrom('Persone detenute o ex detenute')).toBe('detainees');
		expect(targetFrom(' anziani ')).toBe('anziani');
	});
});
