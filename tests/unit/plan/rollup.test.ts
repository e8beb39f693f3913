import { describe, expect, it } from 'vitest';
import { blankAction, type ProgressUpdate, type Verification } from '../../../src/lib/plan/plan.ts';
import { actionStates, isLate, isVerificationDue, objectiveRollups, reached, revisionLoop, rollup } from '../../../src/lib/plan/rollup.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TODAY = '2027-04-10';
const update = (n: number, actionId: string, postedAt: string, fields: Partial<ProgressUpdate>): ProgressUpdate => ({
	id: id(100 + n),
	actionId,
	status: 'on_track',
	percent: null,
	indicatorValues: {},
	note: '',
	fileIds: [],
	postedBy: null,
	postedByName: 'Marco',
	postedAt,
	...fields
});
const verification = (actionId: string, recordedAt: string): Verification => ({
	id: id(900),
	actionId,
	verdict: 'partly',
	reason: 'Metà dei tirocini',
	nextStep: '',
	nextActionId: null,
	recordedBy: null,
	recordedByName: 'Giulia',
	recordedAt
});

describe('late and overdue rules', () => {
	it('calls late an action past its end that is neither done nor dropped', () => {
		expect(isLate({ to: '2027-03-31' }, 'on_track', TODAY)).toBe(true);
		expect(isLate({ to: '2027-03-31' }, 'done', TODAY)).toBe(false);
		expect(isLate({ to: '2027-03-31' }, 'dropped', TODAY)).toBe(false);
		expect(isLate({ to: TODAY }, 'on_track', TODAY)).toBe(false);
		expect(isLate({ to: null }, 'at_risk', TODAY)).toBe(false);
	});

	it('calls a verification due once its day has passed with none recorded since', () => {
		expect(isVerificationDue({ verificationOn: '2027-03-31' }, 'on_track', [], TODAY)).toBe(true);
		expect(isVerificationDue({ verificationOn: '2027-03-31' }, 'on_track', [verification(id(1), '2027-04-02T10:00:00.000Z')], TODAY)).toBe(false);
		expect(isVerificationDue({ verificationOn: '2027-03-31' }, 'on_track', [verification(id(1), '2027-01-02T10:00:00.000Z')], TODAY)).toBe(true);
		expect(isVerificationDue({ verificationOn: '2027-05-31' }, 'on_track', [], TODAY)).toBe(false);
		expect(isVerificationDue({ verificationOn: '2027-03-31' }, 'dropped', [], TODAY)).toBe(false);
	});
});

describe('the progress roll-up', () => {
	const general = id(1);
	const specific = id(2);
	const tutoring = blankAction(id(10), specific, {
		title: 'Tutoraggio',
		to: '2027-03-31',
		indicators: [{ id: id(50), name: 'Tirocini avviati', baseline: 0, target: 10, unit: 'tirocini' }]
	});
	const desk = blankAction(id(11), general, { title: 'Sportello', to: '2027-12-31' });
	const dropped = blankAction(id(12), general, { title: 'Abbandonata' });
	const updates = [
		update(1, tutoring.id, '2027-02-01T09:00:00.000Z', { percent: 30, indicatorValues: { [id(50)]: 3 } }),
		update(2, tutoring.id, '2027-03-01T09:00:00.000Z', { status: 'at_risk', percent: 50 }),
		update(3, desk.id, '2027-03-02T09:00:00.000Z', { status: 'done' }),
		update(4, dropped.id, '2027-03-03T09:00:00.000Z', { status: 'dropped', percent: 10 })
	];
	// Any order in, the latest counts.
	const states = actionStates([tutoring, desk, dropped], [...updates].reverse(), [], TODAY);

	it('takes the latest status, the latest percentage given and the latest value of each indicator', () => {
		const [first] = states;
		expect(first.status).toBe('at_risk');
		expect(first.percent).toBe(50);
		expect(first.late).toBe(true);
		expect(first.indicators[0]).toMatchObject({ current: 3, reached: 0.3 });
		expect(states[1]).toMatchObject({ status: 'done', percent: 100, late: false });
	});

	it('averages the actions that count, leaving dropped ones out, and counts the late', () => {
		const plan = rollup(states);
		expect(plan).toMatchObject({ actions: 2, percent: 75, late: 1, indicators: 1, indicatorsReached: 0 });
		expect(plan.byStatus).toMatchObject({ at_risk: 1, done: 1, dropped: 1, not_started: 0 });
	});

	it('rolls a specific objective up into its general one', () => {
		const rollups = objectiveRollups(
			[
				{ id: general, level: 'general', parentId: null, title: 'Lavoro', description: '', needIds: [] },
				{ id: specific, level: 'specific', parentId: general, title: 'Tirocini', description: '', needIds: [] }
			],
			states
		);
		expect(rollups.get(specific)).toMatchObject({ actions: 1, percent: 50 });
		expect(rollups.get(general)).toMatchObject({ actions: 2, percent: 75 });
	});

	it('measures an indicator from its baseline to its target, either way, within 0 and 1', () => {
		expect(reached({ baseline: 10, target: 20 }, 15)).toBe(0.5);
		expect(reached({ baseline: 40, target: 20 }, 30)).toBe(0.5);
		expect(reached({ baseline: 0, target: 10 }, 14)).toBe(1);
		expect(reached({ baseline: 0, target: 10 }, null)).toBeNull();
		expect(reached({ baseline: 0, target: null }, 3)).toBeNull();
	});
});

describe('the verification loop', () => {
	const first = blankAction(id(20), id(1), { title: 'Prima ipotesi' });
	const second = blankAction(id(21), id(1), { title: 'Ipotesi rivista', revisesId: first.id });
	const third = blankAction(id(22), id(1), { title: 'Terza ipotesi', revisesId: second.id });
	const other = blankAction(id(23), id(1), { title: 'Altra' });

	it('shows an action between the ones it revises and the ones that revise it', () => {
		expect(revisionLoop([third, other, second, first], second.id).map((a) => a.title)).toEqual(['Prima ipotesi', 'Ipotesi rivista', 'Terza ipotesi']);
		expect(revisionLoop([third, other, second, first], other.id)).toEqual([other]);
	});

	it('stops at a cycle a faulty client wrote', () => {
		const a = blankAction(id(30), id(1), { title: 'A', revisesId: id(31) });
		const b = blankAction(id(31), id(1), { title: 'B', revisesId: id(30) });
		expect(revisionLoop([a, b], a.id).map((x) => x.title)).toEqual(['B', 'A']);
	});
});
