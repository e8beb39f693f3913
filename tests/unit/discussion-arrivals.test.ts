import { describe, expect, it } from 'vitest';
import { arrivedPosts, firstNewReply } from '../../src/lib/discussions/arrivals.ts';

const ME = 'me';
const reply = (id: string, author: string | null, at: string) => ({ id, author: { id: author }, createdAt: new Date(at) });
const REPLIES = [
	reply('r1', 'anna', '2027-03-01T09:00:00Z'),
	reply('r2', ME, '2027-03-01T10:00:00Z'),
	reply('r3', 'marco', '2027-03-01T11:00:00Z'),
	reply('r4', null, '2027-03-01T12:00:00Z')
];

describe('firstNewReply', () => {
	it('puts the divider before the first reply by someone else after the last visit', () => {
		expect(firstNewReply(REPLIES, new Date('2027-03-01T09:30:00Z'), ME)).toBe('r3');
	});

	it('never counts the person’s own replies as new to them', () => {
		expect(firstNewReply([REPLIES[1]], new Date('2027-03-01T08:00:00Z'), ME)).toBeNull();
	});

	it('counts a reply from a deleted account as someone else’s', () => {
		expect(firstNewReply(REPLIES, '2027-03-01T11:30:00Z', ME)).toBe('r4');
	});

	it('draws no divider when nothing came after, or with no visit to compare with', () => {
		expect(firstNewReply(REPLIES, new Date('2027-03-02T00:00:00Z'), ME)).toBeNull();
		expect(firstNewReply(REPLIES, null, ME)).toBeNull();
	});
});

describe('arrivedPosts', () => {
	it('finds what others posted that is not on screen yet, in order', () => {
		expect(arrivedPosts(new Set(['r1']), REPLIES, ME).map((r) => r.id)).toEqual(['r3', 'r4']);
	});

	it('finds nothing when everything is already shown', () => {
		expect(arrivedPosts(new Set(REPLIES.map((r) => r.id)), REPLIES, ME)).toEqual([]);
	});
});
