import { describe, expect, it } from 'vitest';
import { mayComment, mayResolve } from '../../../src/lib/comments/access.ts';

describe('who is offered the comment controls', () => {
	it('offers commenting to facilitators, editors and commenters, never to viewers or on an archived document', () => {
		expect(mayComment('commenter', 'in_review')).toBe(true);
		expect(mayComment('editor', 'approved')).toBe(true);
		expect(mayComment('viewer', 'draft')).toBe(false);
		expect(mayComment('facilitator', 'archived')).toBe(false);
	});

	it('offers resolving to the author, and to editors and facilitators for anybody’s comment', () => {
		const on = { status: 'draft' as const, authorId: 'anna', userId: 'luca' };
		expect(mayResolve({ ...on, role: 'commenter' })).toBe(false);
		expect(mayResolve({ ...on, role: 'commenter', userId: 'anna' })).toBe(true);
		expect(mayResolve({ ...on, role: 'editor' })).toBe(true);
		expect(mayResolve({ ...on, role: 'facilitator' })).toBe(true);
		expect(mayResolve({ ...on, role: 'viewer', userId: 'anna' })).toBe(false);
		expect(mayResolve({ ...on, role: 'facilitator', status: 'archived' })).toBe(false);
	});
});
