import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/lib/map/import/numbers.ts';

describe('numbers as Italian and English spreadsheets write them', () => {
	it('reads a decimal comma and a decimal point alike', () => {
		expect(parseNumber('41,6397', 'decimal')).toBe(41.6397);
		expect(parseNumber('41.6397', 'decimal')).toBe(41.6397);
		expect(parseNumber(' -12,5 ', 'decimal')).toBe(-12.5);
		expect(parseNumber('13', 'decimal')).toBe(13);
	});

	it('reads thousands separators when both marks appear', () => {
		expect(parseNumber('1.234,5', 'decimal')).toBe(1234.5);
		expect(parseNumber('1,234.5', 'decimal')).toBe(1234.5);
		expect(parseNumber('1.234.567', 'integer')).toBe(1234567);
		expect(parseNumber('1 200', 'integer')).toBe(1200);
	});

	it('reads a lone separator before three digits as thousands in a count, as decimals in a coordinate', () => {
		expect(parseNumber('1.200', 'integer')).toBe(1200);
		expect(parseNumber('1,200', 'integer')).toBe(1200);
		expect(parseNumber('41,639', 'decimal')).toBe(41.639);
		expect(parseNumber('2,5', 'integer')).toBe(2.5);
	});

	it('answers null for an empty cell and NaN for words and malformed numbers', () => {
		expect(parseNumber('  ', 'decimal')).toBeNull();
		expect(parseNumber('quaranta', 'decimal')).toBeNaN();
		expect(parseNumber('41,6,3', 'decimal')).toBeNaN();
		expect(parseNumber('1.23.4', 'integer')).toBeNaN();
		expect(parseNumber('12,5,', 'decimal')).toBeNaN();
		expect(parseNumber('1,2.3,4', 'decimal')).toBeNaN();
	});
});
