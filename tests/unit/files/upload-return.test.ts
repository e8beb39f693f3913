import { describe, expect, it } from 'vitest';
import { uploadReturn } from '../../../src/lib/files/upload-return.ts';

const at = (search: string) => new URL(`http://trama.test/networks/n/files/f${search}`);

describe('what a form upload reports in the address it comes back to', () => {
	it('reads how many files were stored', () => {
		expect(uploadReturn(at('?uploaded=1'))).toEqual({ kind: 'success', count: 1 });
		expect(uploadReturn(at('?uploaded=3'))).toEqual({ kind: 'success', count: 3 });
	});

	it('reads a refusal as the message of its code', () => {
		expect(uploadReturn(at('?upload_error=file_too_large'))).toEqual({ kind: 'error', key: 'uploads.errors.file_too_large' });
		expect(uploadReturn(at('?upload_error=quota_exceeded&uploaded=2'))).toEqual({
			kind: 'error',
			key: 'uploads.errors.quota_exceeded'
		});
	});

	it('ignores codes it does not know and counts that are not counts', () => {
		expect(uploadReturn(at('?upload_error=constructor'))).toBeNull();
		expect(uploadReturn(at('?upload_error=<script>'))).toBeNull();
		expect(uploadReturn(at('?uploaded=0'))).toBeNull();
		expect(uploadReturn(at('?uploaded=-2'))).toBeNull();
		expect(uploadReturn(at('?uploaded=1.5'))).toBeNull();
		expect(uploadReturn(at('?uploaded='))).toBeNull();
		expect(uploadReturn(at(''))).toBeNull();
	});
});
