import { describe, expect, it } from 'vitest';
import { refusalKey } from '../../src/lib/server/db/errors.ts';

describe('refusalKey', () => {
	it('names the last-facilitator refusal raised by the trigger', () => {
		expect(refusalKey({ code: 'P0001', message: 'last_facilitator' })).toBe('errors.last_facilitator');
	});
	it('reads a row-level security refusal as "not allowed"', () => {
		expect(refusalKey({ code: '42501', message: 'new row violates row-level security policy' })).toBe(
			'errors.not_allowed'
		);
	});
	it('reads a duplicate partner name as such', () => {
		expect(refusalKey({ code: '23505', constraint: 'partners_name_per_network' })).toBe('errors.partner_name_taken');
	});
	it('reads a name taken by another file or folder of the same folder as such', () => {
		expect(refusalKey({ code: '23505', constraint: 'files_name' })).toBe('files.nameTaken');
		expect(refusalKey({ code: '23505', constraint: 'file_folders_name' })).toBe('files.folderNameTaken');
		expect(refusalKey({ code: '23505', constraint: 'toString' })).toBeNull();
	});
	it('names the folder refusals raised by the triggers', () => {
		expect(refusalKey({ code: 'P0001', message: 'folder_cycle' })).toBe('files.folderCycle');
		expect(refusalKey({ code: 'P0001', message: 'folder_not_empty' })).toBe('files.folderNotEmpty');
	});
	it('reads an eleventh attachment, and a file out of the post’s network, as such', () => {
		expect(refusalKey({ code: 'P0001', message: 'too_many_attachments' })).toBe('attachments.tooMany');
		expect(refusalKey({ code: '23503', constraint: 'attachments_file_id_network_id_fkey' })).toBe('attachments.unavailable');
		expect(refusalKey({ code: '23503', constraint: 'attachments_thread_id_network_id_fkey' })).toBeNull();
	});
	it('leaves our own failures to the error handler', () => {
		expect(refusalKey({ code: 'P0001', message: 'something else' })).toBeNull();
		expect(refusalKey(new TypeError('boom'))).toBeNull();
	});
});
