import { describe, expect, it } from 'vitest';
import { blankAction, blankObjective, type ProgressUpdate } from '../../../src/lib/plan/plan.ts';
import { actionStates } from '../../../src/lib/plan/rollup.ts';
import { monitoring } from '../../../src/lib/plan/monitoring.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TODAY = '2027-04-10';
const update = (n: number, actionId: string, fields: Partial<ProgressUpdate>): ProgressUpdate => ({
	id: id(100 + n),
	actionId,
	status: 'on_track',
	percent: null,
	indicatorValues: {},
	note: '',
	fileIds: [],
	postedBy: null,
	postedByName: 'Marco',
	postedAt: `2027-03-0${n}T10:00:00.000Z`,
	...fields
});

const general = blankObjective(id(1), { title: 'Lavoro' });
const specific = blankObjective(id(2), { level: 'specific', parentId: id(1), title: 'Tirocini' });
const orphan = blankObjective(id(3), { level: 'specific', parentId: id(99), title: 'Senza generale' });
const indicator = { id: id(50), name: 'Tirocini avviati', baseline: 0, target: 10, unit: 'tirocini' };
const actions = [
	blankAction(id(10), id(1), { title: 'Tavolo', to: '2027-03-31' }),
	blankAction(id(11), id(2), { title: 'Tutor', to: '2027-12-31', verificationOn: '2027-02-28', indicators: [indicator] }),
	blankAction(id(12), id(2), { title: 'Furgone', to: '2027-01-31' }),
	blankAction(id(13), id(3), { title: 'Lasciata', to: '2027-01-31', indicators: [{ ...indicator, id: id(51) }] })
];
const updates = [
	update(1, id(11), { percent: 40, indicatorValues: { [id(50)]: 4 } }),
	update(2, id(12), { status: 'at_risk', percent: 10 }),
	update(3, id(13), { status: 'dropped' })
];

describe('the monitoring of a plan', () => {
	const seen = monitoring([general, specific, orphan], actionStates(actions, updates, [], TODAY));

	it('rolls a general objective up with its specific ones under it, and keeps an orphan specific one in view', () => {
		expect(seen.objectives.map((o) => [o.objective.title, o.rollup.actions, o.specific.map((s) => s.objective.title)])).toEqual([
			['Lavoro', 3, ['Tirocini']],
			['Senza generale', 0, []]
		]);
		expect(seen.objectives[0].specific[0].rollup.percent).toBe(25);
	});

	it('counts the actions of every status, in the order of the statuses', () => {
		expect(seen.byStatus).toEqual([
			{ status: 'not_started', count: 1 },
			{ status: 'on_track', count: 1 },
			{ status: 'at_risk', count: 1 },
			{ status: 'late', count: 0 },
			{ status: 'done', count: 0 },
			{ status: 'dropped', count: 1 }
		]);
		expect(seen.plan.percent).toBe(17);
	});

	it('lists late actions the longest overdue first, and verifications due', () => {
		expect(seen.late.map((a) => a.title)).toEqual(['Furgone', 'Tavolo']);
		expect(seen.verificationsDue.map((a) => a.title)).toEqual(['Tutor']);
	});

	it("shows each indicator from baseline to latest to target, a dropped action's aside", () => {
		expect(seen.indicators).toEqual([
			{
				actionId: id(11),
				actionTitle: 'Tutor',
				indicatorId: id(50),
				name: 'Tirocini avviati',
				unit: 'tirocini',
				baseline: 0,
				current: 4,
				target: 10,
				percent: 40
			}
		]);
	});
});
