import { describe, expect, it } from 'vitest';
import { readNumber } from '../../../src/lib/map/numbers.ts';

describe('numbers as people type them and Italian and English spreadsheets write them', () => {
	it('reads a decimal comma and a decimal point alike', () => {
		expect(readNumber('41,6397', 'decimal')).toBe(41.6397);
		expect(readNumber('41.6397', 'decimal')).toBe(41.6397);
		expect(readNumber(' -12,5 ', 'decimal')).toBe(-12.5);
		expect(readNumber('13', 'decimal')).toBe(13);
	});

	it('reads thousands separators when both marks appear', () => {
		expect(readNumber('1.234,5', 'decimal')).toBe(1234.5);
		expect(readNumber('1,234.5', 'decimal')).toBe(1234.5);
		expect(readNumber('1.234.567', 'integer')).toBe(1234567);
		expect(readNumber('1 200', 'integer')).toBe(1200);
		expect(readNumber('12 500', 'integer')).toBe(12500);
	});

	it('reads a lone separator before three digits as thousands in a count, as decimals in a coordinate', () => {
		expect(readNumber('1.200', 'integer')).toBe(1200);
		expect(readNumber('1,200', 'integer')).toBe(1200);
		expect(readNumber('41,639', 'decimal')).toBe(41.639);
	});

	it('keeps a fraction in a count as a number, for the check to refuse as not whole', () => {
		expect(readNumber('2,5', 'integer')).toBe(2.5);
	});

	it('answers null for an empty box, so a position or a count can be left out', () => {
		expect(readNumber('  ', 'decimal')).toBeNull();
		expect(readNumber('', 'integer')).toBeNull();
	});

	it('keeps words and malformed numbers as the text typed, for the check to quote', () => {
		expect(readNumber(' quaranta ', 'decimal')).toBe('quaranta');
		expect(readNumber('41°38′N', 'decimal')).toBe('41°38′N');
		expect(readNumber('41.6.3', 'decimal')).toBe('41.6.3');
		expect(readNumber('41,6,3', 'decimal')).toBe('41,6,3');
		expect(readNumber('1.23.4', 'integer')).toBe('1.23.4');
		expect(readNumber('12,5,', 'decimal')).toBe('12,5,');
		expect(readNumber('1,2.3,4', 'decimal')).toBe('1,2.3,4');
		expect(readNumber('dieci', 'integer')).toBe('dieci');
	});
});
