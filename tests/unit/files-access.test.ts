import { describe, expect, it } from 'vitest';
import { mayUploadFiles } from '../../src/lib/files/access.ts';

describe('who is offered an upload', () => {
	it('offers it to facilitators and editors, as may_upload() allows', () => {
		expect(mayUploadFiles('facilitator')).toBe(true);
		expect(mayUploadFiles('editor')).toBe(true);
	});

	it('offers it to nobody who reads only or comments', () => {
		expect(mayUploadFiles('commenter')).toBe(false);
		expect(mayUploadFiles('viewer')).toBe(false);
	});
});
