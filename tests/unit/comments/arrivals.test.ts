import { describe, expect, it } from 'vitest';
import { arrivals, isNew } from '../../../src/lib/comments/arrivals.ts';
import type { CommentView, ReplyView } from '../../../src/lib/comments/types.ts';

const person = (id: string, name = id) => ({ id, name, organisation: '' });

function comment(id: string, by: string, changes: Partial<CommentView> = {}): CommentView {
	return {
		id,
		quote: `parole ${id}`,
		html: '<p>…</p>',
		author: person(by),
		createdAt: '2026-11-23T10:00:00.000Z',
		resolved: false,
		resolvedAt: null,
		resolvedByName: null,
		anchorFrom: 'AA',
		anchorTo: 'AA',
		attachments: [],
		replies: [],
		...changes
	};
}
const reply = (id: string, by: string): ReplyView => ({
	id,
	html: '',
	author: person(by),
	createdAt: '2026-11-23T11:00:00.000Z',
	attachments: []
});

describe('isNew', () => {
	const item = { author: { id: 'marco' }, createdAt: '2026-11-23T10:00:00.000Z' };

	it('marks what others wrote after the last visit, and everything on a first visit', () => {
		expect(isNew(item, '2026-11-23T09:59:59.000Z', 'anna')).toBe(true);
		expect(isNew(item, '2026-11-23T10:00:00.000Z', 'anna')).toBe(false);
		expect(isNew(item, null, 'anna')).toBe(true);
	});

	it('never marks what the person wrote', () => {
		expect(isNew(item, null, 'marco')).toBe(false);
	});
});

describe('arrivals', () => {
	it('tells of others’ new comments and replies, not the person’s own', () => {
		const before = [comment('a', 'anna')];
		const after = [
			comment('a', 'anna', { replies: [reply('r1', 'marco'), reply('r2', 'anna')] }),
			comment('b', 'marco'),
			comment('c', 'anna')
		];
		expect(arrivals(before, after, 'anna')).toEqual([
			{ kind: 'reply', name: 'marco', commentId: 'a', quote: 'parole a' },
			{ kind: 'comment', name: 'marco', commentId: 'b', quote: 'parole b' }
		]);
	});

	it('tells of a resolution with who resolved it, and of a reopening', () => {
		const resolved = comment('a', 'anna', { resolved: true, resolvedByName: 'Marco Ferri' });
		expect(arrivals([comment('a', 'anna')], [resolved], 'anna')).toEqual([
			{ kind: 'resolved', name: 'Marco Ferri', commentId: 'a', quote: 'parole a' }
		]);
		expect(arrivals([resolved], [comment('a', 'anna')], 'anna')).toEqual([
			{ kind: 'reopened', name: null, commentId: 'a', quote: 'parole a' }
		]);
	});

	it('has nothing to tell when nothing changed', () => {
		const same = [comment('a', 'marco', { replies: [reply('r1', 'marco')] })];
		expect(arrivals(same, structuredClone(same), 'anna')).toEqual([]);
	});
});
