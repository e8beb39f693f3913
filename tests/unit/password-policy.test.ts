import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../../src/lib/server/auth/password-policy.ts';

const email = 'giulia.rinaldi@trama.test';
const problem = (password: string, address = email) => passwordProblem({ password, email: address });

describe('passwordProblem', () => {
	it('accepts a long passphrase that has nothing to do with the address', () => {
		expect(problem('Tre cooperative e un comune')).toBeNull();
	});

	it(`refuses a password shorter than ${PASSWORD_MIN_LENGTH} characters as too_short`, () => {
		expect(problem('k7#Qm2!xZ')).toBe('too_short');
		expect(problem('k7#Qm2!xZp')).toBeNull();
	});

	it(`refuses a password longer than ${PASSWORD_MAX_LENGTH} characters as too_long`, () => {
		const long = 'Campo di grano, '.repeat(20);
		expect(problem(long.slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
		expect(problem(long.slice(0, PASSWORD_MAX_LENGTH + 1))).toBe('too_long');
	});

	it('refuses a password from the breach lists as too_common, whatever its capitals', () => {
		expect(problem('password123')).toBe('too_common');
		expect(problem('ForzaInter')).toBe('too_common');
		expect(problem('JUVENTUS123')).toBe('too_common');
	});

	it('refuses a long password made of one or two repeated characters as too_common', () => {
		expect(problem('aaaaaaaaaaaa')).toBe('too_common');
		expect(problem('abababababab')).toBe('too_common');
		expect(problem('abcabcabcabc')).toBeNull();
	});

	it("refuses a password that contains the address's name part as contains_email, whatever its capitals", () => {
		expect(problem('Giulia.Rinaldi2027')).toBe('contains_email');
		expect(problem('xx-giulia.rinaldi-xx', 'GIULIA.RINALDI@trama.test')).toBe('contains_email');
	});

	it('does not refuse a password for containing a name part shorter than four characters', () => {
		expect(problem('ugo e le sue api', 'ugo@trama.test')).toBeNull();
	});
});
