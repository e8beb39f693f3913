import { describe, expect, it } from 'vitest';
import { checkTaxCode, elevenDigitCheck, personCheckLetter } from '../../src/lib/tax-code.ts';

describe('tax codes', () => {
	it('accepts a person’s codice fiscale whose check letter is right', () => {
		expect(checkTaxCode('RSSMRA85T10A562S')).toEqual({ ok: true, code: 'RSSMRA85T10A562S' });
	});

	it('accepts a codice fiscale typed in lower case with spaces, and keeps it in upper case without them', () => {
		expect(checkTaxCode(' rss mra 85t10 a562s ')).toEqual({ ok: true, code: 'RSSMRA85T10A562S' });
	});

	it('accepts a homonym’s codice fiscale whose digits are replaced by letters (omocodia)', () => {
		// The last digit of the place code (2 → N), with the check letter computed again.
		const first15 = 'RSSMRA85T10A56N';
		expect(checkTaxCode(first15 + personCheckLetter(first15))).toMatchObject({ ok: true });
	});

	it('refuses a codice fiscale whose check letter is wrong', () => {
		expect(checkTaxCode('RSSMRA85T10A562T')).toEqual({ ok: false, problem: 'check' });
	});

	it('refuses a codice fiscale with a month letter that names no month', () => {
		expect(checkTaxCode('RSSMRA85Z10A562S')).toEqual({ ok: false, problem: 'shape' });
	});

	it('accepts a partita IVA (or an organisation’s 11-digit codice fiscale) whose check digit is right', () => {
		expect(checkTaxCode('12345678903')).toEqual({ ok: true, code: '12345678903' });
		expect(checkTaxCode('012 345 678 97')).toEqual({ ok: true, code: '01234567897' });
	});

	it('refuses 11 digits whose check digit is wrong', () => {
		expect(checkTaxCode('12345678901')).toEqual({ ok: false, problem: 'check' });
	});

	it('refuses codes of any other length or with other characters', () => {
		for (const typed of ['1234567890', '123456789012', 'RSSMRA85T10A562', 'RSSMRA85T10A562SX', '1234567890A', 'RSSMRA85T10A56!S']) {
			expect(checkTaxCode(typed), typed).toEqual({ ok: false, problem: 'shape' });
		}
	});

	it('computes the check digit of 11 digits as the Agenzia delle Entrate describes it', () => {
		// 1+4+3+8+5+3+7+7+9+0 = 47, and 10 − 7 = 3.
		expect(elevenDigitCheck('1234567890')).toBe(3);
		expect(elevenDigitCheck('0000000000')).toBe(0);
	});
});
