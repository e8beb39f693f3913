// The field checks every structured kind's check is made of (a pact's
// commitment, a plan's objective and action): what any client may have
// written into Yjs, read back as the value a form, a page and SQL accept.
import { storable } from '../storable-text.ts';

/** A string trimmed and tidied of what Postgres cannot store (any client can put a NUL in Yjs); '' for anything else. */
export const text = (value: unknown): string => (typeof value === 'string' ? storable(value).trim() : '');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written yyyy-mm-dd (not 2027-02-30). */
export function isIsoDate(value: string): boolean {
	if (!ISO_DATE.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A list of ids, trimmed, in lower case, without repeats or blanks; [] for anything but a list. */
export function idList(value: unknown): string[] {
	return Array.isArray(value) ? [...new Set(value.map(text).map((id) => id.toLowerCase()))].filter(Boolean) : [];
}

export type AmountProblem = 'not_a_number' | 'negative' | 'out_of_range' | 'cents';

/**
 * What is wrong with an optional amount, or null when it is fine (or absent):
 * a count is a whole number, money has at most two decimals.
 */
export function amountProblem(value: unknown, limit: number, kind: 'count' | 'money'): AmountProblem | null {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'number' || !Number.isFinite(value)) return 'not_a_number';
	if (value < 0) return 'negative';
	if (value > limit || (kind === 'count' && !Number.isInteger(value))) return 'out_of_range';
	if (kind === 'money' && Math.abs(Math.round(value * 100) - value * 100) > 1e-6) return 'cents';
	return null;
}

/** Money rounded to the cent it was checked to hold. */
export const cents = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);
