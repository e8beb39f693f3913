import { describe, expect, it } from 'vitest';
import { proposalValues, readProposal } from '../../../src/lib/server/pact/proposal-form.ts';
import type { KnownReferences } from '../../../src/lib/pact/check.ts';

const ID = '0b7c9a52-1d2e-4f3a-8b4c-5d6e7f809a1b';
const PARTNER = 'de000000-0000-4000-8000-000000000103';
const NEED = 'ee000000-0000-4000-8000-000000000028';
const SERVICE = 'ee000000-0000-4000-8000-000000000001';
const KNOWN: KnownReferences = { partners: new Set([PARTNER]), entries: new Map([[NEED, 'need'], [SERVICE, 'service']]) };

/** A form as a browser sends it, ticked boxes repeated. */
function formOf(fields: Record<string, string | string[]>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) form.append(name, one);
	return form;
}

const read = (fields: Record<string, string | string[]>) =>
	readProposal(proposalValues(formOf({ id: ID, title: 'Borse lavoro', system: 'social', ...fields })), PARTNER, KNOWN);

describe('the proposal form', () => {
	it('reads numbers as Italians write them, dates, and the chosen entries, for the partner given', () => {
		const { commitment } = read({
			people: '2',
			hours: '1.200',
			euros: '36.000,50',
			from: '2027-01-01',
			to: '2027-12-31',
			description: 'Riga uno\r\nriga due',
			needIds: [NEED],
			entryIds: [SERVICE, SERVICE]
		});
		expect(commitment).toMatchObject({
			id: ID,
			partnerId: PARTNER,
			title: 'Borse lavoro',
			people: 2,
			hours: 1200,
			euros: 36000.5,
			from: '2027-01-01',
			to: '2027-12-31',
			description: 'Riga uno\nriga due',
			needIds: [NEED],
			entryIds: [SERVICE]
		});
	});

	it('reads euros as money is written: 1.000 is a thousand, 12,5 and 12.50 are twelve and a half', () => {
		expect(read({ euros: '1.000' }).commitment?.euros).toBe(1000);
		expect(read({ euros: '1,000' }).commitment?.euros).toBe(1000);
		expect(read({ euros: '12,5' }).commitment?.euros).toBe(12.5);
		expect(read({ euros: '12.50' }).commitment?.euros).toBe(12.5);
		expect(read({ euros: '1.234.567,89' }).commitment?.euros).toBe(1234567.89);
	});

	it('leaves empty numbers and dates empty', () => {
		expect(read({}).commitment).toMatchObject({ people: null, hours: null, euros: null, from: null, to: null });
	});

	it('names every problem beside its field, quoting what was typed', () => {
		const { problems } = read({ title: '', euros: 'mille', hours: '-3', from: '2027-05-01', to: '2027-04-01', system: 'altro' });
		expect(problems).toEqual({
			title: { key: 'pactProposals.problem.required', params: expect.any(Object) },
			euros: { key: 'pactProposals.problem.not_a_number', params: expect.objectContaining({ value: 'mille' }) },
			hours: { key: 'pactProposals.problem.negative', params: expect.objectContaining({ value: '-3' }) },
			to: { key: 'pactProposals.problem.ends_before_start', params: expect.any(Object) },
			system: { key: 'pactProposals.problem.unknown_system', params: expect.any(Object) }
		});
	});

	it('says how long a title may be, in Italian figures', () => {
		expect(read({ title: 'x'.repeat(201) }).problems?.title).toEqual({
			key: 'pactProposals.problem.too_long',
			params: { value: '', max: '200' }
		});
	});

	it('refuses cents beyond two decimals and a date that is not one', () => {
		const { problems } = read({ euros: '10,5055', from: '2027-02-30' });
		expect(problems?.euros?.key).toBe('pactProposals.problem.cents');
		expect(problems?.from).toEqual({ key: 'pactProposals.problem.not_a_date', params: expect.objectContaining({ value: '2027-02-30' }) });
	});

	it("refuses entries the network's maps do not hold, and a need that is not one", () => {
		const { problems } = read({ needIds: [SERVICE], entryIds: ['ee000000-0000-4000-8000-000000000999'] });
		expect(problems?.needIds?.key).toBe('pactProposals.problem.not_a_need');
		expect(problems?.entryIds?.key).toBe('pactProposals.problem.unknown_entry');
	});

	it('keeps what was typed, the chosen boxes as lists, and a missing field empty', () => {
		const values = proposalValues(formOf({ id: ID, title: '  Borse  ', euros: 'mille', needIds: [NEED, SERVICE] }));
		expect(values).toMatchObject({ title: 'Borse', euros: 'mille', contact: '', needIds: [NEED, SERVICE], entryIds: [] });
	});

	it('refuses a form whose proposal id was tampered with', () => {
		expect(read({ id: 'nuovo' }).problems?.id?.key).toBe('pactProposals.problem.bad_id');
	});
});
