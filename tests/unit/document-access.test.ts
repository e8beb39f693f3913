import { describe, expect, it } from 'vitest';
import { mayRename, mayWrite, readOnlyReason, statusChoices } from '../../src/lib/document-access.ts';

describe('who may change a document', () => {
	it('tells commenters and viewers that their role is read-only, whatever the status', () => {
		expect(readOnlyReason('commenter', 'draft')).toBe('commenter');
		expect(readOnlyReason('viewer', 'archived')).toBe('viewer');
	});

	it('makes an archived document read-only for everyone, facilitators included', () => {
		expect(readOnlyReason('facilitator', 'archived')).toBe('archived');
		expect(readOnlyReason('editor', 'archived')).toBe('archived');
		expect(mayWrite('facilitator', 'archived')).toBe(false);
	});

	it('lets editors and facilitators write drafts, documents in review and approved ones', () => {
		expect(mayWrite('editor', 'draft')).toBe(true);
		expect(mayWrite('editor', 'in_review')).toBe(true);
		expect(mayWrite('facilitator', 'approved')).toBe(true);
	});
});

describe('statusChoices', () => {
	it('offers facilitators every status', () => {
		expect(statusChoices('facilitator', 'draft')).toEqual(['draft', 'in_review', 'approved', 'archived']);
	});

	it('offers editors only draft and in review, and nothing once a document is approved or archived', () => {
		expect(statusChoices('editor', 'in_review')).toEqual(['draft', 'in_review']);
		expect(statusChoices('editor', 'approved')).toEqual([]);
		expect(statusChoices('editor', 'archived')).toEqual([]);
	});

	it('offers commenters and viewers nothing', () => {
		expect(statusChoices('commenter', 'draft')).toEqual([]);
		expect(statusChoices('viewer', 'draft')).toEqual([]);
	});
});

describe('mayRename', () => {
	it('follows the update policy: facilitators always, editors on drafts and reviews only', () => {
		expect(mayRename('facilitator', 'archived')).toBe(true);
		expect(mayRename('editor', 'draft')).toBe(true);
		expect(mayRename('editor', 'approved')).toBe(false);
		expect(mayRename('commenter', 'draft')).toBe(false);
	});
});
