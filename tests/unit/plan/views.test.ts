import { describe, expect, it } from 'vitest';
import { blankAction, blankObjective, type Action } from '../../../src/lib/plan/plan.ts';
import { actionStates } from '../../../src/lib/plan/rollup.ts';
import { filterActions, groupByObjective, groupByPartner, isFiltered, planFilterOf, planFilterToParams, planViewOf } from '../../../src/lib/plan/views.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TODAY = '2026-12-08';
const GENERAL = blankObjective(id(1), { title: 'Lavoro per chi esce dal carcere' });
const SPECIFIC = blankObjective(id(2), { level: 'specific', parentId: id(1), title: 'Tirocini in cooperativa' });
const OTHER = blankObjective(id(3), { title: 'Trasporti' });
const PONTE = id(50);
const COMUNE = id(51);
const GONE = id(59);
const action = (n: number, fields: Partial<Action>) => blankAction(id(100 + n), id(1), { title: `Azione ${n}`, leadPartnerId: PONTE, ...fields });
const ACTIONS = [
	action(1, { title: 'Sportello di orientamento', system: 'employment', from: '2026-01-01', to: '2026-11-30' }),
	action(2, { objectiveId: id(2), title: 'Tirocini', leadPartnerId: COMUNE, partnerIds: [PONTE], system: 'social' }),
	action(3, { objectiveId: id(3), title: 'Navetta', leadPartnerId: GONE, system: 'health', indicators: [{ id: id(200), name: 'Corse settimanali', baseline: 0, target: 10, unit: 'corse' }] }),
	action(4, { objectiveId: id(99), title: 'Azione rimasta senza obiettivo', system: 'training' })
];
const states = actionStates(ACTIONS, [], [], TODAY);
const params = (query: string) => new URLSearchParams(query);
const titles = (list: { action: Action }[]) => list.map((state) => state.action.title);

describe('the plan view in the address', () => {
	it('is the matrix unless a known view is asked for', () => {
		expect(planViewOf(params(''))).toBe('matrix');
		expect(planViewOf(params('view=timeline'))).toBe('timeline');
		expect(planViewOf(params('view=nonsense'))).toBe('matrix');
	});
});

describe('the plan filter', () => {
	it('reads known values from the address and ignores the others', () => {
		const filter = planFilterOf(params(`q=+tirocini+&partner=${PONTE.toUpperCase()}&system=moon&objective=x&status=late_now`));
		expect(filter).toEqual({ q: 'tirocini', partner: PONTE, system: null, objective: null, status: 'late_now' });
		expect(isFiltered(planFilterOf(params('')))).toBe(false);
	});

	it('writes itself back into the address, keeping the view and dropping empty values', () => {
		const next = planFilterToParams({ q: 'navetta', partner: null, system: 'social', objective: null, status: null }, params('view=partner&partner=x'));
		expect(next.toString()).toBe('view=partner&q=navetta&system=social');
	});

	it('finds words in titles and indicators, without minding accents or case', () => {
		expect(titles(filterActions(states, planFilterOf(params('q=CORSE')), [GENERAL, SPECIFIC, OTHER]))).toEqual(['Navetta']);
		expect(titles(filterActions(states, planFilterOf(params('q=orientamènto')), []))).toEqual(['Sportello di orientamento']);
	});

	it('keeps the actions a partner leads or contributes to', () => {
		expect(titles(filterActions(states, planFilterOf(params(`partner=${COMUNE}`)), []))).toEqual(['Tirocini']);
		expect(titles(filterActions(states, planFilterOf(params(`partner=${PONTE}`)), []))).toEqual(['Sportello di orientamento', 'Tirocini', 'Azione rimasta senza obiettivo']);
	});

	it('takes in a general objective’s specific ones', () => {
		expect(titles(filterActions(states, planFilterOf(params(`objective=${id(1)}`)), [GENERAL, SPECIFIC, OTHER]))).toEqual(['Sportello di orientamento', 'Tirocini']);
		expect(titles(filterActions(states, planFilterOf(params(`objective=${id(2)}`)), [GENERAL, SPECIFIC, OTHER]))).toEqual(['Tirocini']);
	});

	it('narrows by system, by status, and to the actions past their end and not done', () => {
		expect(titles(filterActions(states, planFilterOf(params('system=social')), []))).toEqual(['Tirocini']);
		expect(titles(filterActions(states, planFilterOf(params('status=late_now')), []))).toEqual(['Sportello di orientamento']);
		expect(filterActions(states, planFilterOf(params('status=done')), [])).toEqual([]);
	});
});

describe('the matrix grouping', () => {
	it('puts each general objective with its specific ones, and actions whose objective is gone apart', () => {
		const { groups, orphans } = groupByObjective([GENERAL, SPECIFIC, OTHER], states, (state) => state.action.objectiveId, true);
		expect(groups.map((group) => [group.objective.title, titles(group.items), group.specifics.map((specific) => [specific.objective.title, titles(specific.items)])])).toEqual([
			['Lavoro per chi esce dal carcere', ['Sportello di orientamento'], [['Tirocini in cooperativa', ['Tirocini']]]],
			['Trasporti', ['Navetta'], []]
		]);
		expect(titles(orphans)).toEqual(['Azione rimasta senza obiettivo']);
	});

	it('shows a specific objective whose general one is gone on its own', () => {
		const { groups } = groupByObjective([SPECIFIC], [], (state: { action: Action }) => state.action.objectiveId, true);
		expect(groups.map((group) => group.objective.id)).toEqual([id(2)]);
	});

	it('leaves out objectives without actions while a filter is on', () => {
		const kept = filterActions(states, planFilterOf(params('q=navetta')), []);
		const { groups } = groupByObjective([GENERAL, SPECIFIC, OTHER], kept, (state) => state.action.objectiveId, false);
		expect(groups.map((group) => group.objective.title)).toEqual(['Trasporti']);
	});
});

describe('the by-partner grouping', () => {
	const partners = [
		{ id: PONTE, name: 'Cooperativa Il Ponte' },
		{ id: COMUNE, name: 'Comune di Frosinone' }
	];

	it('puts the person’s own partner first, then the others by name, partners that left last', () => {
		const groups = groupByPartner(states, (state) => state.action, partners, PONTE);
		expect(groups.map((group) => [group.name, titles(group.leads), titles(group.contributes)])).toEqual([
			['Cooperativa Il Ponte', ['Sportello di orientamento', 'Azione rimasta senza obiettivo'], ['Tirocini']],
			['Comune di Frosinone', ['Tirocini'], []],
			[null, ['Navetta'], []]
		]);
	});

	it('orders by name alone for someone who speaks for no partner', () => {
		expect(groupByPartner(states, (state) => state.action, partners, null).map((group) => group.name)).toEqual(['Comune di Frosinone', 'Cooperativa Il Ponte', null]);
	});
});
