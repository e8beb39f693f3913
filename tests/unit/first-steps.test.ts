import { describe, expect, it } from 'vitest';
import { firstStepPath, pendingList } from '../../src/lib/first-steps.ts';

const NETWORK = 'de000000-0000-4000-8000-000000000001';

describe('a network’s first steps', () => {
	it('keeps the whole list while a step is left, and drops it once all are done', () => {
		const steps = [
			{ step: 'partners' as const, done: true },
			{ step: 'invitations' as const, done: false }
		];
		expect(pendingList(steps)).toEqual(steps);
		expect(pendingList(steps.map((s) => ({ ...s, done: true })))).toEqual([]);
	});

	it('links each step to where it is taken', () => {
		expect(firstStepPath(NETWORK, 'partners')).toBe(`/networks/${NETWORK}/partners#add-partner`);
		expect(firstStepPath(NETWORK, 'invitations')).toBe(`/networks/${NETWORK}/members#invite-title`);
		expect(firstStepPath(NETWORK, 'community_pact')).toBe(`/networks/${NETWORK}/documents?new=community_pact#new-document`);
	});
});
