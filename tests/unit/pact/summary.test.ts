import { describe, expect, it } from 'vitest';
import { blankCommitment, type Commitment } from '../../../src/lib/pact/commitment.ts';
import { gaps, knownReferences, summarise, type MapChoice } from '../../../src/lib/pact/summary.ts';

const PONTE = '00000000-0000-4000-8000-0000000000a1';
const COMUNE = '00000000-0000-4000-8000-0000000000a2';
const ASL = '00000000-0000-4000-8000-0000000000a3';
const GONE = '00000000-0000-4000-8000-0000000000af';
const MAP = '00000000-0000-4000-8000-0000000000d1';

const entry = (n: number, category: MapChoice['category']): MapChoice => ({
	id: `00000000-0000-4000-8000-0000000000e${n}`,
	name: `Voce ${n}`,
	category,
	documentId: MAP,
	documentTitle: 'Mappatura'
});
const NEED_1 = entry(1, 'need');
const NEED_2 = entry(2, 'need');
const SERVICE = entry(3, 'service');
const ENTRIES = [NEED_1, NEED_2, SERVICE];
const KNOWN = knownReferences([PONTE, COMUNE, ASL], ENTRIES);

let next = 0;
function commitment(partnerId: string, fields: Partial<Commitment> = {}): Commitment {
	next++;
	return blankCommitment(`00000000-0000-4000-8000-${String(next).padStart(12, '0')}`, partnerId, { title: `Impegno ${next}`, ...fields });
}

describe('summarise', () => {
	it('counts the partners that commit, of all the partners, and adds up the resources pledged', () => {
		const summary = summarise(
			[
				commitment(PONTE, { euros: 120_000.5, hours: 2_000, people: 3, system: 'employment' }),
				commitment(PONTE, { hours: 400, system: 'social' }),
				commitment(COMUNE, { euros: 0.1, people: 1, system: 'social' })
			],
			KNOWN
		);
		expect(summary).toEqual({
			partnersCommitted: 2,
			partners: 3,
			commitments: 3,
			euros: 120_000.6,
			hours: 2_400,
			people: 4,
			bySystem: { health: 0, social: 2, training: 0, employment: 1 },
			unresolved: 0
		});
	});

	it('adds euros to the cent however many small amounts there are', () => {
		const many = Array.from({ length: 10 }, () => commitment(PONTE, { euros: 0.1 }));
		expect(summarise(many, KNOWN).euros).toBe(1);
	});

	it('counts apart, and does not add up, a commitment naming a partner or an entry the network does not hold', () => {
		const summary = summarise(
			[
				commitment(GONE, { euros: 1_000, hours: 10 }),
				commitment(PONTE, { needIds: [SERVICE.id], euros: 500 }),
				commitment(COMUNE, { euros: 50, hours: 5 })
			],
			KNOWN
		);
		expect(summary.unresolved).toBe(2);
		expect(summary.commitments).toBe(1);
		expect(summary.euros).toBe(50);
		expect(summary.hours).toBe(5);
		expect(summary.partnersCommitted).toBe(1);
	});

	it('says nothing is pledged yet for a pact without commitments', () => {
		expect(summarise([], KNOWN)).toMatchObject({ partnersCommitted: 0, partners: 3, commitments: 0, euros: 0, hours: 0, people: 0 });
	});
});

describe('gaps', () => {
	it('lists the needs that no commitment answers, and never an entry that is not a need', () => {
		const answered = [commitment(PONTE, { needIds: [NEED_1.id], entryIds: [SERVICE.id] })];
		expect(gaps(answered, ENTRIES, KNOWN)).toEqual([NEED_2]);
	});

	it('lists every need when there is no commitment', () => {
		expect(gaps([], ENTRIES, KNOWN)).toEqual([NEED_1, NEED_2]);
	});

	it('does not count as answered a need named only by a commitment the network cannot resolve', () => {
		const unresolved = [commitment(GONE, { needIds: [NEED_1.id, NEED_2.id] })];
		expect(gaps(unresolved, ENTRIES, KNOWN)).toEqual([NEED_1, NEED_2]);
	});
});
