import { describe, expect, it } from 'vitest';
import {
	CONFIRM_FIELD,
	cancelHref,
	confirmationOf,
	excerpt,
	isConfirmed,
	type Confirmation
} from '../../../src/lib/confirmation.ts';

const formOf = (fields: Record<string, string>) => {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	return form;
};

const question: Confirmation = {
	action: '?/remove',
	fields: { id: 'p1' },
	title: { key: 'confirm.partner.title', params: { name: 'Aurora' } },
	consequences: [{ key: 'confirm.partner.final' }],
	confirmLabel: { key: 'confirm.partner.confirm' }
};

describe('a destructive action', () => {
	it('is confirmed only by the confirmation field set to 1', () => {
		expect(isConfirmed(formOf({ id: 'p1', [CONFIRM_FIELD]: '1' }))).toBe(true);
	});

	it('is not confirmed by a form without the field, or with another value', () => {
		expect(isConfirmed(formOf({ id: 'p1' }))).toBe(false);
		expect(isConfirmed(formOf({ id: 'p1', [CONFIRM_FIELD]: 'yes' }))).toBe(false);
		expect(isConfirmed(formOf({ id: 'p1', [CONFIRM_FIELD]: '' }))).toBe(false);
	});
});

describe('the page reading its action data', () => {
	it('finds the question an action asked', () => {
		expect(confirmationOf({ confirmation: question })).toBe(question);
	});

	it('finds none in another answer, or none at all', () => {
		expect(confirmationOf({ removed: true })).toBeNull();
		expect(confirmationOf(null)).toBeNull();
		expect(confirmationOf(undefined)).toBeNull();
		expect(confirmationOf({ confirmation: null })).toBeNull();
	});
});

describe('cancelling without JavaScript', () => {
	it('leads back to the page without the action the browser kept in the address', () => {
		expect(cancelHref(new URL('https://trama.test/networks/n1/partners?/remove'))).toBe('/networks/n1/partners');
	});

	it('keeps the other parts of the address', () => {
		expect(cancelHref(new URL('https://trama.test/networks/n1/files?folder=f1&/bin'))).toBe('/networks/n1/files?folder=f1');
	});
});

describe('an excerpt of quoted words', () => {
	it('is the words themselves when short, on one line', () => {
		expect(excerpt('una sala\nper gli  incontri')).toBe('una sala per gli incontri');
	});

	it('is cut at a word with an ellipsis when long', () => {
		const cut = excerpt('Il Comune mette a disposizione una sala per gli incontri del tavolo', 30);
		expect(cut).toBe('Il Comune mette a…');
		expect(cut.length).toBeLessThanOrEqual(30);
	});
});
