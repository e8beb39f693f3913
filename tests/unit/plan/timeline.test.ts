import { describe, expect, it } from 'vitest';
import { blankAction, blankObjective } from '../../../src/lib/plan/plan.ts';
import { timeline, timelineGroups } from '../../../src/lib/plan/timeline.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const action = (n: number, from: string | null, to: string | null, objectiveId = id(100)) => blankAction(id(n), objectiveId, { title: `Azione ${n}`, from, to });
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('timeline', () => {
	it('spans the months from the earliest start to the latest end, whole months', () => {
		const { months } = timeline([action(1, '2026-10-15', '2027-01-10'), action(2, '2026-11-01', '2027-03-31')], '2026-12-08');
		expect(months.map(iso)).toEqual(['2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01']);
	});

	it('draws a bar from its first day to the end of its last day', () => {
		const { bars } = timeline([action(1, '2027-01-01', '2027-01-31'), action(2, '2027-02-01', '2027-02-28')], '2027-01-15');
		expect(bars.get(id(1))).toMatchObject({ left: 0, openStart: false, openEnd: false });
		expect(bars.get(id(1))!.width).toBeCloseTo((31 / 59) * 100);
		expect(bars.get(id(2))!.left).toBeCloseTo((31 / 59) * 100);
		expect(bars.get(id(2))!.left + bars.get(id(2))!.width).toBeCloseTo(100);
	});

	it('stretches an open start or end to the edge, and marks it', () => {
		const { bars } = timeline([action(1, null, '2027-01-31'), action(2, '2027-01-01', null), action(3, '2026-12-01', '2027-02-28')], '2027-01-15');
		expect(bars.get(id(1))).toMatchObject({ left: 0, openStart: true, openEnd: false });
		expect(bars.get(id(2))).toMatchObject({ openStart: false, openEnd: true });
		expect(bars.get(id(2))!.left + bars.get(id(2))!.width).toBe(100);
	});

	it('places today, or leaves it out when it falls outside the plan', () => {
		const plan = [action(1, '2026-12-01', '2026-12-31')];
		expect(timeline(plan, '2026-12-16')!.today).toBeCloseTo((15 / 31) * 100);
		expect(timeline(plan, '2027-03-01').today).toBeNull();
		expect(timeline(plan, '2026-11-30').today).toBeNull();
	});

	it('shows today’s month when no action is dated', () => {
		const { months, today, bars } = timeline([action(1, null, null)], '2026-12-08');
		expect(months.map(iso)).toEqual(['2026-12-01']);
		expect(today).toBeCloseTo((7 / 31) * 100);
		expect(bars.get(id(1))).toMatchObject({ left: 0, width: 100 });
	});

	it('draws a month across a year change and a leap February', () => {
		const { months } = timeline([action(1, '2027-12-20', '2028-02-29')], '2028-01-01');
		expect(months.map(iso)).toEqual(['2027-12-01', '2028-01-01', '2028-02-01']);
	});
});

describe('timelineGroups', () => {
	const general = blankObjective(id(100), { title: 'Generale' });
	const specific = blankObjective(id(101), { level: 'specific', parentId: id(100), title: 'Specifico' });
	const other = blankObjective(id(102), { title: 'Altro generale' });

	it('nests each specific objective under its general one, with each one’s actions', () => {
		const groups = timelineGroups([general, other, specific], [action(1, null, null, id(101)), action(2, null, null, id(100))]);
		expect(groups.map((group) => [group.objective?.id, group.depth, group.actions.map((a) => a.id)])).toEqual([
			[id(100), 0, [id(2)]],
			[id(101), 1, [id(1)]],
			[id(102), 0, []]
		]);
	});

	it('keeps actions of an unknown objective, last, under none; and a specific whose general is gone, at the top', () => {
		const orphan = blankObjective(id(103), { level: 'specific', parentId: id(999), title: 'Orfano' });
		const groups = timelineGroups([general, orphan], [action(1, null, null, id(555))]);
		expect(groups.map((group) => [group.objective?.id ?? null, group.depth])).toEqual([
			[id(100), 0],
			[id(103), 0],
			[null, 0]
		]);
	});
});
