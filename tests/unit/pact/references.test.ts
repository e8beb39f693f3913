import { describe, expect, it } from 'vitest';
import { blankCommitment, type Commitment } from '../../../src/lib/pact/commitment.ts';
import type { KnownReferences } from '../../../src/lib/pact/check.ts';
import { withKnownReferences } from '../../../src/lib/pact/references.ts';

const PARTNER = 'b0000000-0000-4000-8000-000000000001';
const ELSEWHERE = 'b0000000-0000-4000-8000-000000000099';
const NEED = 'e0000000-0000-4000-8000-000000000001';
const SERVICE = 'e0000000-0000-4000-8000-000000000002';
const GONE = 'e0000000-0000-4000-8000-000000000099';

const known: KnownReferences = {
	partners: new Set([PARTNER]),
	entries: new Map([
		[NEED, 'need'],
		[SERVICE, 'service']
	])
};
let next = 0;
const commitment = (patch: Partial<Commitment> = {}): Commitment =>
	blankCommitment(`c0000000-0000-4000-8000-${String(++next).padStart(12, '0')}`, PARTNER, { title: 'Impegno', ...patch });

describe('withKnownReferences', () => {
	it('keeps a commitment that names only what the network holds as it is', () => {
		const whole = commitment({ needIds: [NEED], entryIds: [SERVICE, NEED] });
		expect(withKnownReferences(whole, known)).toBe(whole);
	});

	it('leaves out a commitment of a partner the network does not hold', () => {
		expect(withKnownReferences(commitment({ partnerId: ELSEWHERE }), known)).toBeNull();
	});

	it('keeps of the needs answered only the needs, and of the entries brought only those the maps hold, in their order', () => {
		const projected = withKnownReferences(commitment({ needIds: [SERVICE, NEED, GONE], entryIds: [GONE, SERVICE, NEED] }), known);
		expect(projected).toMatchObject({ needIds: [NEED], entryIds: [SERVICE, NEED] });
	});
});
