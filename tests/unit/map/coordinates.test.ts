import { describe, expect, it } from 'vitest';
import { coordinatePair, formatCoordinate } from '../../../src/lib/map/coordinates.ts';

describe('coordinatePair', () => {
	it('splits a line copied from a map into latitude and longitude', () => {
		expect(coordinatePair('41.6396, 13.3422')).toEqual({ lat: '41.6396', lng: '13.3422' });
		expect(coordinatePair('41.6396,13.3422')).toEqual({ lat: '41.6396', lng: '13.3422' });
		expect(coordinatePair('41,6396; 13,3422')).toEqual({ lat: '41,6396', lng: '13,3422' });
		expect(coordinatePair('41,6396, 13,3422')).toEqual({ lat: '41,6396', lng: '13,3422' });
		expect(coordinatePair('41.6396 13.3422')).toEqual({ lat: '41.6396', lng: '13.3422' });
	});

	it('leaves a single number or other text alone', () => {
		expect(coordinatePair('41.6396')).toBeNull();
		expect(coordinatePair('Via Roma 1, Frosinone')).toBeNull();
	});
});

describe('formatCoordinate', () => {
	it('keeps six decimals at most and no trailing zeros', () => {
		expect(formatCoordinate(41.63961234)).toBe('41.639612');
		expect(formatCoordinate(13.5)).toBe('13.5');
	});
});
