import { describe, expect, it } from 'vitest';
import { indicatorField, readProgressForm, readVerificationForm, revisedTitle } from '../../../src/lib/plan/follow-up-form.ts';
import type { Indicator } from '../../../src/lib/plan/plan.ts';

const INDICATOR: Indicator = { id: 'e1000000-0000-4000-8000-000000000011', name: 'Tirocini avviati', baseline: 0, target: 10, unit: 'tirocini' };
const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.append(name, value);
	return data;
};

describe('the progress form', () => {
	it('reads a status, a whole percentage, an indicator written with a decimal comma and a note', () => {
		const read = readProgressForm(form({ status: 'at_risk', percent: '40', [indicatorField(INDICATOR.id)]: '4,5', note: ' Una persona ha lasciato. ' }), [INDICATOR]);
		expect(read.input).toEqual({ status: 'at_risk', percent: 40, indicatorValues: { [INDICATOR.id]: 4.5 }, note: 'Una persona ha lasciato.' });
	});

	it('takes an empty percentage and an empty value as not said', () => {
		expect(readProgressForm(form({ status: 'on_track', percent: '' }), [INDICATOR]).input).toMatchObject({ percent: null, indicatorValues: {} });
	});

	it('says, beside each field, a percentage over 100 or below 0, one that is not a whole number, a value that is not a number and a status not chosen', () => {
		expect(readProgressForm(form({ status: 'on_track', percent: '101' }), []).problems).toEqual({ percent: 'planFollowUp.error.percentRange' });
		expect(readProgressForm(form({ status: 'on_track', percent: '-1' }), []).problems).toEqual({ percent: 'planFollowUp.error.percentRange' });
		expect(readProgressForm(form({ status: 'on_track', percent: '12.5' }), []).problems).toEqual({ percent: 'planFollowUp.error.percentNumber' });
		expect(readProgressForm(form({ status: 'maybe', [indicatorField(INDICATOR.id)]: 'quattro' }), [INDICATOR]).problems).toEqual({
			status: 'planFollowUp.error.statusRequired',
			[indicatorField(INDICATOR.id)]: 'planFollowUp.error.valueNumber'
		});
	});
});

describe('the verification form', () => {
	const ids = { verificationId: 'ab000000-0000-4000-8000-000000000001', revisedId: 'ab000000-0000-4000-8000-000000000002' };

	it('reads a verdict, why and what changes, and the revised action only when asked for', () => {
		const fields = { ...ids, verdict: 'partly', reason: 'Quattro su sei.', nextStep: 'Gruppi di quattro.', revisedTitle: 'Laboratorio (rivista)' };
		expect(readVerificationForm(form(fields)).input).toMatchObject({ verdict: 'partly', revised: null });
		expect(readVerificationForm(form({ ...fields, revise: 'on' })).input?.revised).toEqual({ id: ids.revisedId, title: 'Laboratorio (rivista)' });
	});

	it('requires a verdict, a reason, and a title for a revised action', () => {
		expect(readVerificationForm(form({ ...ids, revise: 'on', revisedTitle: ' ' })).problems).toEqual({
			verdict: 'planFollowUp.error.verdictRequired',
			reason: 'planFollowUp.error.reasonRequired',
			revisedTitle: 'planFollowUp.error.titleRequired'
		});
	});

	it('refuses a form without the ids it was drawn with', () => {
		expect(readVerificationForm(form({ verdict: 'achieved', reason: 'Sì.' })).problems).toEqual({ form: 'planFollowUp.error.formExpired' });
	});

	it('marks a revised title within the title limit', () => {
		expect(revisedTitle('Laboratorio', 'rivista')).toBe('Laboratorio (rivista)');
		expect(revisedTitle('x'.repeat(200), 'rivista')).toHaveLength(200);
	});
});
