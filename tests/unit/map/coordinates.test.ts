import { describe, expect, it } from 'vitest';
import { coordinatePair, formatCoordinate, readCoordinate, readCount } from '../../../src/lib/map/coordinates.ts';

describe('readCoordinate', () => {
	it('reads a decimal point and an Italian decimal comma alike', () => {
		expect(readCoordinate('41.6396')).toBe(41.6396);
		expect(readCoordinate(' 41,6396 ')).toBe(41.6396);
		expect(readCoordinate('-0,5')).toBe(-0.5);
	});

	it('answers null for an empty box, so a position can be left out', () => {
		expect(readCoordinate('   ')).toBeNull();
	});

	it('keeps what is not a number as text, for the check to quote', () => {
		expect(readCoordinate('41°38′N')).toBe('41°38′N');
		expect(readCoordinate('41.6.3')).toBe('41.6.3');
	});
});

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

describe('readCount', () => {
	it('reads Italian thousands separators as thousands', () => {
		expect(readCount('1.000')).toBe(1000);
		expect(readCount('12 500')).toBe(12500);
		expect(readCount('25')).toBe(25);
	});

	it('keeps a fraction as a number, for the check to refuse as not whole', () => {
		expect(readCount('2,5')).toBe(2.5);
	});

	it('answers null when empty and the text when it is not a number', () => {
		expect(readCount('')).toBeNull();
		expect(readCount('dieci')).toBe('dieci');
	});
});
