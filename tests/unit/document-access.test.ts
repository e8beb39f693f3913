import { describe, expect, it } from 'vitest';
import { mayRename, mayReopen, readOnlyReason, statusChoices } from '../../src/lib/document-access.ts';

describe('why a document is read-only, once the database said so', () => {
	it('names the role of commenters and viewers', () => {
		expect(readOnlyReason('commenter', false, 'draft')).toBe('commenter');
		expect(readOnlyReason('viewer', false, 'draft')).toBe('viewer');
	});

	it('names the status when the role could write', () => {
		expect(readOnlyReason('facilitator', false, 'archived')).toBe('archived');
		expect(readOnlyReason('editor', false, 'archived')).toBe('archived');
		expect(readOnlyReason('facilitator', false, 'approved')).toBe('approved');
		expect(readOnlyReason('editor', false, 'approved')).toBe('approved');
	});

	it('gives no reason when the database lets the person write', () => {
		expect(readOnlyReason('editor', true, 'draft')).toBeNull();
		expect(readOnlyReason('facilitator', true, 'draft')).toBeNull();
	});
});

describe('statusChoices', () => {
	it('offers facilitators every status', () => {
		expect(statusChoices('facilitator', 'draft')).toEqual(['draft', 'in_review', 'approved', 'archived']);
	});

	it('offers facilitators only archiving an approved document: reopening has its own form, with a reason', () => {
		expect(statusChoices('facilitator', 'approved')).toEqual(['approved', 'archived']);
		expect(mayReopen('facilitator', 'approved')).toBe(true);
		expect(mayReopen('editor', 'approved')).toBe(false);
		expect(mayReopen('facilitator', 'draft')).toBe(false);
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
	it('follows the update policy: facilitators always but on an approved text, editors on drafts and reviews only', () => {
		expect(mayRename('facilitator', 'archived')).toBe(true);
		expect(mayRename('facilitator', 'approved')).toBe(false);
		expect(mayRename('editor', 'draft')).toBe(true);
		expect(mayRename('editor', 'approved')).toBe(false);
		expect(mayRename('commenter', 'draft')).toBe(false);
	});
});
