import { describe, expect, it } from 'vitest';
import { checkCommitment, isIsoDate, unknownReferences, type KnownReferences } from '../../../src/lib/pact/check.ts';
import { blankCommitment, COMMITMENT_LIMITS, type Commitment } from '../../../src/lib/pact/commitment.ts';

const ID = '5b1f3c2e-8d4a-4c1b-9e2f-0a1b2c3d4e5f';
const PARTNER = 'b0000000-0000-4000-8000-000000000001';
const NEED = 'e0000000-0000-4000-8000-000000000001';
const SERVICE = 'e0000000-0000-4000-8000-000000000002';

const valid = (): Record<string, unknown> => ({
	...blankCommitment(ID.toUpperCase(), ` ${PARTNER.toUpperCase()} `),
	title: '  Tutoraggio dei tirocini in falegnameria ',
	description: 'Un tutor della cooperativa segue ogni tirocinante due mattine a settimana.',
	system: 'employment',
	people: 2,
	hours: 320,
	spaces: ' Laboratorio di via Marittima ',
	euros: 12500.5,
	equipment: 'Banchi da lavoro, dispositivi di protezione',
	from: '2027-01-15',
	to: ' 2027-12-31',
	contact: 'Marco Ferri, 0775 123456',
	needIds: [NEED.toUpperCase(), NEED, ` ${NEED} `],
	entryIds: [SERVICE]
});

const problemsOf = (patch: Record<string, unknown>) => checkCommitment({ ...valid(), ...patch }).problems;

describe('checkCommitment', () => {
	it('tidies a good commitment: trimmed text, lower-case ids, lists without repeats, euros to the cent', () => {
		const { commitment, problems } = checkCommitment(valid());
		expect(problems).toEqual([]);
		expect(commitment).toEqual({
			id: ID,
			partnerId: PARTNER,
			title: 'Tutoraggio dei tirocini in falegnameria',
			description: 'Un tutor della cooperativa segue ogni tirocinante due mattine a settimana.',
			system: 'employment',
			people: 2,
			hours: 320,
			spaces: 'Laboratorio di via Marittima',
			euros: 12500.5,
			equipment: 'Banchi da lavoro, dispositivi di protezione',
			from: '2027-01-15',
			to: '2027-12-31',
			contact: 'Marco Ferri, 0775 123456',
			needIds: [NEED],
			entryIds: [SERVICE]
		} satisfies Commitment);
	});

	it('gives the same commitment again when what it gave is checked again, and the same for the same input', () => {
		const first = checkCommitment(valid()).commitment!;
		expect(checkCommitment({ ...first }).commitment).toEqual(first);
		expect(JSON.stringify(checkCommitment(valid()))).toBe(JSON.stringify(checkCommitment(valid())));
	});

	it('leaves out of the text what Postgres cannot store', () => {
		expect(checkCommitment({ ...valid(), title: 'Sportello\u0000 lavoro' }).commitment?.title).toBe('Sportello lavoro');
	});

	it('takes missing resources and dates as open, and empty dates as none', () => {
		const { commitment } = checkCommitment({ id: ID, partnerId: PARTNER, title: 'Ospitalità', system: 'social', from: '  ', to: '' });
		expect(commitment).toMatchObject({ people: null, hours: null, euros: null, from: null, to: null, spaces: '', needIds: [], entryIds: [] });
	});

	it('reports every problem of a commitment at once, in the order of its fields, with the offending values', () => {
		const { commitment, problems } = checkCommitment({
			id: 'not-an-id',
			partnerId: 'comune',
			title: ' ',
			description: 'x'.repeat(COMMITMENT_LIMITS.description + 1),
			system: 'sanita',
			people: 'due',
			hours: -4,
			euros: -100,
			from: '2027-02-30',
			to: '31/12/2027',
			needIds: ['bisogno'],
			entryIds: Array.from({ length: COMMITMENT_LIMITS.links + 1 }, (_, i) => `e0000000-0000-4000-8000-${String(i).padStart(12, '0')}`)
		});
		expect(commitment).toBeNull();
		expect(problems).toEqual([
			{ field: 'id', code: 'bad_id', value: 'not-an-id' },
			{ field: 'partnerId', code: 'bad_id', value: 'comune' },
			{ field: 'title', code: 'required' },
			{ field: 'description', code: 'too_long' },
			{ field: 'system', code: 'unknown_system', value: 'sanita' },
			{ field: 'people', code: 'not_a_number', value: 'due' },
			{ field: 'hours', code: 'negative', value: '-4' },
			{ field: 'euros', code: 'negative', value: '-100' },
			{ field: 'from', code: 'not_a_date', value: '2027-02-30' },
			{ field: 'to', code: 'not_a_date', value: '31/12/2027' },
			{ field: 'needIds', code: 'bad_id', value: 'bisogno' },
			{ field: 'entryIds', code: 'too_many' }
		]);
	});

	it('asks for a partner, a title and a system', () => {
		expect(checkCommitment({ id: ID }).problems).toEqual([
			{ field: 'partnerId', code: 'required' },
			{ field: 'title', code: 'required' },
			{ field: 'system', code: 'required', value: '' }
		]);
	});

	it('refuses a commitment that ends before it starts, and accepts one that ends the day it starts', () => {
		expect(problemsOf({ from: '2027-06-01', to: '2027-05-31' })).toEqual([{ field: 'to', code: 'ends_before_start', value: '2027-05-31' }]);
		expect(problemsOf({ from: '2027-06-01', to: '2027-06-01' })).toEqual([]);
		expect(problemsOf({ from: null, to: '2027-05-31' })).toEqual([]);
	});

	it('refuses too long a title or text, at one character past each limit', () => {
		for (const field of ['title', 'spaces', 'equipment', 'contact'] as const) {
			expect(problemsOf({ [field]: 'x'.repeat(COMMITMENT_LIMITS[field]) }), field).toEqual([]);
			expect(problemsOf({ [field]: 'x'.repeat(COMMITMENT_LIMITS[field] + 1) }), field).toEqual([{ field, code: 'too_long' }]);
		}
	});

	it('takes people and hours as whole numbers within their limits', () => {
		expect(problemsOf({ people: 0, hours: COMMITMENT_LIMITS.hours })).toEqual([]);
		expect(problemsOf({ people: 1.5 })).toEqual([{ field: 'people', code: 'out_of_range', value: '1.5' }]);
		expect(problemsOf({ people: COMMITMENT_LIMITS.people + 1 })).toEqual([{ field: 'people', code: 'out_of_range', value: '10001' }]);
		expect(problemsOf({ hours: Number.NaN })).toEqual([{ field: 'hours', code: 'not_a_number', value: 'NaN' }]);
		expect(problemsOf({ hours: '40' })).toEqual([{ field: 'hours', code: 'not_a_number', value: '40' }]);
	});

	it('takes euros to the cent, never negative nor past their limit', () => {
		expect(checkCommitment({ ...valid(), euros: 0.1 + 0.2 }).commitment?.euros).toBe(0.3);
		expect(problemsOf({ euros: 19.999 })).toEqual([{ field: 'euros', code: 'cents', value: '19.999' }]);
		expect(problemsOf({ euros: -0.01 })).toEqual([{ field: 'euros', code: 'negative', value: '-0.01' }]);
		expect(problemsOf({ euros: COMMITMENT_LIMITS.euros })).toEqual([]);
		expect(problemsOf({ euros: COMMITMENT_LIMITS.euros + 1 })).toEqual([{ field: 'euros', code: 'out_of_range', value: '1000000001' }]);
		expect(problemsOf({ euros: Infinity })).toEqual([{ field: 'euros', code: 'not_a_number', value: 'Infinity' }]);
		expect(problemsOf({ euros: '1.000,00' })).toEqual([{ field: 'euros', code: 'not_a_number', value: '1.000,00' }]);
	});

	it('takes at most the limit of needs and entries, each a uuid', () => {
		const many = Array.from({ length: COMMITMENT_LIMITS.links }, (_, i) => `e0000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
		expect(problemsOf({ needIds: many })).toEqual([]);
		expect(problemsOf({ needIds: [...many, 'f0000000-0000-4000-8000-000000000001'] })).toEqual([{ field: 'needIds', code: 'too_many' }]);
		expect(problemsOf({ entryIds: [SERVICE, 'servizio'] })).toEqual([{ field: 'entryIds', code: 'bad_id', value: 'servizio' }]);
		// What is not a list names nothing.
		expect(checkCommitment({ ...valid(), needIds: NEED }).commitment?.needIds).toEqual([]);
	});
});

describe('isIsoDate', () => {
	it('takes a real calendar day written yyyy-mm-dd and nothing else', () => {
		expect(isIsoDate('2028-02-29')).toBe(true);
		expect(isIsoDate('2027-02-29')).toBe(false);
		expect(isIsoDate('2027-1-5')).toBe(false);
		expect(isIsoDate('2027-01-05T00:00')).toBe(false);
	});
});

describe('unknownReferences', () => {
	const known: KnownReferences = {
		partners: new Set([PARTNER]),
		entries: new Map([
			[NEED, 'need'],
			[SERVICE, 'service']
		])
	};
	const commitment = (patch: Partial<Commitment>) => ({ ...checkCommitment(valid()).commitment!, ...patch });

	it('finds nothing wrong in a commitment that names only what the network holds', () => {
		expect(unknownReferences(commitment({}), known)).toEqual([]);
	});

	it('names a partner the network does not hold, a need that is not one, and entries no map holds', () => {
		const elsewhere = 'b0000000-0000-4000-8000-000000000099';
		const gone = 'e0000000-0000-4000-8000-000000000099';
		expect(unknownReferences(commitment({ partnerId: elsewhere, needIds: [SERVICE, gone], entryIds: [NEED, gone] }), known)).toEqual([
			{ field: 'partnerId', code: 'unknown_partner', value: elsewhere },
			{ field: 'needIds', code: 'not_a_need', value: SERVICE },
			{ field: 'needIds', code: 'unknown_entry', value: gone },
			{ field: 'entryIds', code: 'unknown_entry', value: gone }
		]);
	});

	it('lets a commitment bring a need as an entry: any of the maps’ entries may be brought', () => {
		expect(unknownReferences(commitment({ entryIds: [NEED, SERVICE] }), known)).toEqual([]);
	});
});
