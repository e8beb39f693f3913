import { describe, expect, it } from 'vitest';
import { mayPurgeFiles, mayUploadFiles } from '../../src/lib/files/access.ts';

describe('the file space controls each role is offered', () => {
	it('offers uploading and changing files to facilitators and editors, as may_upload() allows', () => {
		expect(mayUploadFiles('facilitator')).toBe(true);
		expect(mayUploadFiles('editor')).toBe(true);
	});

	it('offers it to nobody who reads only or comments', () => {
		expect(mayUploadFiles('commenter')).toBe(false);
		expect(mayUploadFiles('viewer')).toBe(false);
	});

	it('offers deleting for good to facilitators only', () => {
		expect([mayPurgeFiles('facilitator'), mayPurgeFiles('editor'), mayPurgeFiles('commenter'), mayPurgeFiles('viewer')]).toEqual([
			true,
			false,
			false,
			false
		]);
	});
});
