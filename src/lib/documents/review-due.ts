// A review's deadline is a day on Rome's calendar (yyyy-mm-dd), like every
// date the networks read: from today to a year from today.
import { TIME_ZONE } from '../dates.ts';

/** Today's date in Rome at `now`, as yyyy-mm-dd. */
export const romeDay = (now: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);

/** Whether `value` is a real day from today (in Rome, at `now`) to the same day next year. */
export function isReviewDue(value: string, now: Date): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const day = new Date(`${value}T00:00:00Z`);
	if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return false;
	const today = romeDay(now);
	const limit = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
	return value >= today && value <= limit;
}
