import { describe, expect, it } from 'vitest';
import { blankAction, blankObjective } from '../../../src/lib/plan/plan.ts';
import {
	actionFormValues,
	actionFromForm,
	changedActionFields,
	indicatorProblems,
	objectiveFormValues,
	objectiveFromForm,
	problemsByField
} from '../../../src/lib/plan/plan-form.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ACTION = blankAction(id(1), id(2), { title: 'Tirocini', leadPartnerId: id(3), eurosPublic: 4500.5, hours: 1200 });

describe('the action form', () => {
	it('shows numbers as the language writes them and reads them back', () => {
		const values = actionFormValues(ACTION, 'it');
		expect(values.eurosPublic).toBe('4500,5');
		expect(values.hours).toBe('1200');
		expect(actionFromForm(id(1), { ...values, hours: '1.300' }).item).toMatchObject({ eurosPublic: 4500.5, hours: 1300 });
	});

	it('says an action ending before it starts at its end date, and keeps nothing', () => {
		const checked = actionFromForm(id(1), { ...actionFormValues(ACTION, 'it'), from: '2027-03-01', to: '2027-02-01' });
		expect(checked.item).toBeNull();
		expect(problemsByField(checked.problems).to).toMatchObject({ code: 'ends_before_start' });
	});

	it('says each indicator’s problem at its own box', () => {
		const values = actionFormValues(ACTION, 'it');
		values.indicators = [
			{ id: id(10), name: 'Persone inserite', baseline: '0', target: '12', unit: '' },
			{ id: id(11), name: '', baseline: 'molti', target: '5', unit: 'ore' }
		];
		const checked = actionFromForm(id(1), values);
		const boxes = indicatorProblems(checked.problems, values.indicators);
		expect(boxes.get(0)).toEqual({ unit: expect.objectContaining({ code: 'unit_required' }) });
		expect(boxes.get(1)).toEqual({ name: expect.objectContaining({ code: 'required' }), baseline: expect.objectContaining({ code: 'not_a_number' }) });
		// Indicators' problems are said at their boxes, not again at the list.
		expect(problemsByField(checked.problems).indicators).toBeUndefined();
	});

	it('writes only the fields a person changed', () => {
		expect(changedActionFields(ACTION, { ...ACTION, title: 'Tirocini retribuiti' })).toEqual({ title: 'Tirocini retribuiti' });
	});
});

describe('the objective form', () => {
	it('drops the parent of an objective made general again', () => {
		const values = { ...objectiveFormValues(blankObjective(id(5), { title: 'Trasporti' })), parentId: id(6) };
		expect(objectiveFromForm(id(5), values).item).toMatchObject({ level: 'general', parentId: null });
	});

	it('asks a specific objective for its general one', () => {
		const checked = objectiveFromForm(id(5), { ...objectiveFormValues(blankObjective(id(5), { title: 'Navetta' })), level: 'specific' });
		expect(problemsByField(checked.problems).parentId).toMatchObject({ code: 'specific_without_parent' });
	});
});
