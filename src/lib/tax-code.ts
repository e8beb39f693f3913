// Italian tax codes as a partner's form receives them. Two shapes exist:
// - the codice fiscale of a person, 16 characters (surname, name, birth
//   date and place, and a check letter computed from the other fifteen);
// - 11 digits, the codice fiscale of an organisation and the partita IVA
//   alike, whose last digit is a Luhn-style check of the first ten.
// Only the check is needed here, not decoding the birth place, so these few
// lines stand in for a package that ships the tables of every comune.

export type TaxCodeProblem = 'shape' | 'check';

export type TaxCodeCheck = { ok: true; code: string } | { ok: false; problem: TaxCodeProblem };

/** As people type it: spaces and dots dropped, upper case. */
export const normaliseTaxCode = (typed: string): string => typed.replace(/[\s.]/g, '').toUpperCase();

// Positions 7–8, 10–11 and 13–15 are digits, which a homonym's code
// (omocodia) may replace with these letters standing for 0–9.
const DIGIT = '[0-9LMNPQRSTUV]';
const PERSON = new RegExp(`^[A-Z]{6}${DIGIT}{2}[ABCDEHLMPRST]${DIGIT}{2}[A-Z]${DIGIT}{3}[A-Z]$`);
const ELEVEN_DIGITS = /^[0-9]{11}$/;

// The values of a character in an odd (1st, 3rd, …) position, digits and letters alike (0 = A, 1 = B, …).
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** 0–9 for a digit, 0–25 for a letter: a character's place among its own kind. */
const ordinal = (char: string): number => (/[0-9]/.test(char) ? Number(char) : char.charCodeAt(0) - 65);

/** The check letter of a person's codice fiscale, from its first fifteen characters. */
export function personCheckLetter(first15: string): string {
	let sum = 0;
	for (let i = 0; i < 15; i++) {
		const value = ordinal(first15[i]);
		// Position i + 1 is odd when i is even.
		sum += i % 2 === 0 ? ODD[value] : value;
	}
	return String.fromCharCode(65 + (sum % 26));
}

/** The check digit of an 11-digit code, from its first ten digits. */
export function elevenDigitCheck(first10: string): number {
	let sum = 0;
	for (let i = 0; i < 10; i++) {
		const digit = Number(first10[i]);
		// Digits in even positions (2nd, 4th, …) count twice, less 9 past 9.
		sum += i % 2 === 0 ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
	}
	return (10 - (sum % 10)) % 10;
}

/**
 * Whether `typed` is a codice fiscale or partita IVA whose check character is
 * right; the code as it is kept (normalised) when it is. An empty field is
 * for the caller to allow.
 */
export function checkTaxCode(typed: string): TaxCodeCheck {
	const code = normaliseTaxCode(typed);
	if (PERSON.test(code)) {
		return personCheckLetter(code.slice(0, 15)) === code[15] ? { ok: true, code } : { ok: false, problem: 'check' };
	}
	if (ELEVEN_DIGITS.test(code)) {
		return elevenDigitCheck(code.slice(0, 10)) === Number(code[10]) ? { ok: true, code } : { ok: false, problem: 'check' };
	}
	return { ok: false, problem: 'shape' };
}
