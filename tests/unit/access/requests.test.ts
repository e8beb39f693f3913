import { describe, expect, it } from 'vitest';
import { rolesAbove, suggestedRole } from '../../../src/lib/access/requests.ts';
import { accessDecisionSchema, accessRequestSchema } from '../../../src/lib/server/access-schemas.ts';

describe('the roles one may ask for', () => {
	it('are those above the role held, the nearest first', () => {
		expect(rolesAbove('viewer')).toEqual(['commenter', 'editor', 'facilitator']);
		expect(rolesAbove('commenter')).toEqual(['editor', 'facilitator']);
		expect(rolesAbove('editor')).toEqual(['facilitator']);
		expect(rolesAbove('facilitator')).toEqual([]);
	});

	it('start from the one the refusing page asked for, when it is above the role held', () => {
		expect(suggestedRole('viewer', 'editor')).toBe('editor');
		expect(suggestedRole('commenter', 'commenter')).toBe('editor');
		expect(suggestedRole('viewer', 'owner')).toBe('commenter');
		expect(suggestedRole('viewer', null)).toBe('commenter');
		expect(suggestedRole('facilitator', 'editor')).toBeNull();
	});
});

describe('the request form', () => {
	it('keeps the message as typed, trimmed, with line breaks as one character', () => {
		expect(accessRequestSchema.parse({ role: 'editor', message: '  Per il patto.\r\nGrazie  ' })).toEqual({
			role: 'editor',
			message: 'Per il patto.\nGrazie'
		});
		expect(accessRequestSchema.parse({ role: 'commenter' })).toEqual({ role: 'commenter', message: '' });
	});

	it('refuses an unknown role and a message past 500 characters, each with its message', () => {
		const wrongRole = accessRequestSchema.safeParse({ role: 'owner', message: '' });
		expect(wrongRole.error?.issues[0].message).toBe('access.roleInvalid');
		const long = accessRequestSchema.safeParse({ role: 'editor', message: 'a'.repeat(501) });
		expect(long.error?.issues[0].message).toBe('access.messageLength');
	});

	it('takes a decision only as grant or decline', () => {
		const id = '0b7c9a52-1d2e-4f3a-8b4c-5d6e7f809a1b';
		expect(accessDecisionSchema.parse({ id, decision: 'grant' })).toEqual({ id, decision: 'grant' });
		expect(accessDecisionSchema.safeParse({ id, decision: 'maybe' }).error?.issues[0].message).toBe('access.decisionInvalid');
	});
});
