import { describe, expect, it } from 'vitest';
import { isReviewDue, romeDay } from '../../../src/lib/documents/review-due.ts';

describe("a review's deadline", () => {
	const now = new Date('2026-12-07T23:30:00Z');

	it("counts days on Rome's calendar", () => {
		expect(romeDay(now)).toBe('2026-12-08');
	});

	it('accepts a day from today to a year from today', () => {
		expect(isReviewDue('2026-12-08', now)).toBe(true);
		expect(isReviewDue('2027-01-15', now)).toBe(true);
		expect(isReviewDue('2027-12-08', now)).toBe(true);
	});

	it('refuses a past day, a day beyond a year, and anything that is not a real day', () => {
		expect(isReviewDue('2026-12-07', now)).toBe(false);
		expect(isReviewDue('2027-12-09', now)).toBe(false);
		expect(isReviewDue('2027-02-30', now)).toBe(false);
		expect(isReviewDue('15/01/2027', now)).toBe(false);
	});
});
