import { describe, expect, it } from 'vitest';
import { formatDay, formatTime, groupByDay, romeDateTime, romeDay } from '../../../src/lib/activity/days.ts';

describe('activity days and times', () => {
	it('writes times as Rome has them, in winter and in summer', () => {
		expect(romeDateTime(new Date('2026-01-15T08:00:00Z'))).toBe('2026-01-15 09:00:00');
		expect(romeDateTime(new Date('2026-07-15T08:00:00Z'))).toBe('2026-07-15 10:00:00');
		expect(romeDateTime(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16 00:00:00');
		expect(romeDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
	});

	it('groups consecutive entries by their day in Rome, keeping their order', () => {
		const at = (iso: string) => ({ id: iso, createdAt: new Date(iso) });
		const groups = groupByDay([at('2026-11-24T00:10:00Z'), at('2026-11-23T23:30:00Z'), at('2026-11-23T22:50:00Z')]);
		expect(groups.map((g) => [g.day, g.items.map((i) => i.id)])).toEqual([
			['2026-11-24', ['2026-11-24T00:10:00Z', '2026-11-23T23:30:00Z']],
			['2026-11-23', ['2026-11-23T22:50:00Z']]
		]);
	});

	it('names a day and a time in the page’s language', () => {
		const date = new Date('2026-11-23T16:05:00Z');
		expect(formatDay('it', date)).toBe('lunedì 23 novembre 2026');
		// ICU versions differ on the comma after the weekday.
		expect(formatDay('en', date)).toMatch(/^Monday,? 23 November 2026$/);
		expect(formatTime('it', date)).toBe('17:05');
	});
});
