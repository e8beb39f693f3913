import { describe, expect, it } from 'vitest';
import { mayRename, readOnlyReason, statusChoices } from '../../src/lib/document-access.ts';

describe('why a document is read-only, once the database said so', () => {
	it('names the role of commenters and viewers', () => {
		expect(readOnlyReason('commenter', false)).toBe('commenter');
		expect(readOnlyReason('viewer', false)).toBe('viewer');
	});

	it('names the status when the role could write', () => {
		expect(readOnlyReason('facilitator', false)).toBe('archived');
		expect(readOnlyReason('editor', false)).toBe('archived');
	});

	it('gives no reason when the database lets the person write', () => {
		expect(readOnlyReason('editor', true)).toBeNull();
		expect(readOnlyReason('facilitator', true)).toBeNull();
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
