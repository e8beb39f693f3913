import { describe, expect, it } from 'vitest';
import { peopleHere } from '../../../src/lib/editor/people.ts';

const user = (id: string, name: string) => ({ user: { id, name, color: '#1d4ed8' } });

describe('peopleHere', () => {
	it('lists each person once however many tabs they have open, yourself first, then by name', () => {
		const states = new Map<number, Record<string, unknown>>([
			[1, user('u-zoe', 'Zoe Bianchi')],
			[2, user('u-me', 'Marco Ferri')],
			[3, user('u-anna', 'Anna Colombo')],
			[4, user('u-anna', 'Anna Colombo')]
		]);
		const people = peopleHere(states, 'u-me');
		expect(people.map((p) => [p.name, p.self, p.sessions])).toEqual([
			['Marco Ferri', true, 1],
			['Anna Colombo', false, 2],
			['Zoe Bianchi', false, 1]
		]);
	});

	it('leaves out peers that have not yet published who they are', () => {
		const states = new Map<number, Record<string, unknown> | null>([
			[1, {}],
			[2, null],
			[3, { user: { name: 'no id' } }],
			[4, user('u-me', 'Marco')]
		]);
		expect(peopleHere(states, 'u-me').map((p) => p.id)).toEqual(['u-me']);
	});
});
