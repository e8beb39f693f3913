import { describe, expect, it } from 'vitest';
import { blankCommitment } from '../../../src/lib/pact/commitment.ts';
import { changedFields, commitmentFromForm, formValuesOf, problemsByField } from '../../../src/lib/pact/commitment-form.ts';
import { knownReferences } from '../../../src/lib/pact/summary.ts';

const ID = '00000000-0000-4000-8000-000000000001';
const PONTE = '00000000-0000-4000-8000-0000000000a1';
const NEED = { id: '00000000-0000-4000-8000-0000000000e1', name: 'Tirocini', category: 'need', documentId: ID, documentTitle: 'Mappa' } as const;
const KNOWN = knownReferences([PONTE], [NEED]);
const values = (fields: Record<string, unknown> = {}) => ({ ...formValuesOf(blankCommitment(ID, PONTE, { title: 'Tutoraggio' }), 'it'), ...fields });

describe('commitmentFromForm', () => {
	it('reads money and counts as Italians write them', () => {
		const { commitment } = commitmentFromForm(ID, values({ euros: '120.000,50', hours: '2.400', people: '3' }), KNOWN);
		expect(commitment).toMatchObject({ euros: 120_000.5, hours: 2_400, people: 3 });
	});

	it('says every problem at its field: an end before the start, negative money', () => {
		const { commitment, problems } = commitmentFromForm(ID, values({ from: '2027-06-01', to: '2027-01-31', euros: '-5' }), KNOWN);
		expect(commitment).toBeNull();
		const byField = problemsByField(problems);
		expect(byField.to?.code).toBe('ends_before_start');
		expect(byField.euros?.code).toBe('negative');
	});

	it('quotes back money that is not a number', () => {
		const { problems } = commitmentFromForm(ID, values({ euros: 'mille' }), KNOWN);
		expect(problemsByField(problems).euros).toMatchObject({ code: 'not_a_number', value: 'mille' });
	});

	it('refuses a partner or a need the network does not hold', () => {
		const { problems } = commitmentFromForm(ID, values({ partnerId: ID, needIds: [PONTE] }), KNOWN);
		const byField = problemsByField(problems);
		expect(byField.partnerId?.code).toBe('unknown_partner');
		expect(byField.needIds?.code).toBe('unknown_entry');
	});

	it('gives back in the form what it read from it', () => {
		const start = blankCommitment(ID, PONTE, { title: 'Tutoraggio', euros: 1200.5, hours: 40, from: '2027-01-01', needIds: [NEED.id] });
		expect(commitmentFromForm(ID, formValuesOf(start, 'it'), KNOWN).commitment).toEqual(start);
		expect(commitmentFromForm(ID, formValuesOf(start, 'en'), KNOWN).commitment).toEqual(start);
	});
});

describe('changedFields', () => {
	it('names only the fields the person changed', () => {
		const before = blankCommitment(ID, PONTE, { title: 'A' });
		expect(changedFields(before, { ...before, title: 'B', hours: 3 })).toEqual({ title: 'B', hours: 3 });
	});
});
