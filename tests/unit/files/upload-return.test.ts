import { describe, expect, it } from 'vitest';
import { refusedBeforeSending, uploadReturn, uploadSizes } from '../../../src/lib/files/upload-return.ts';
import { UPLOAD_ERRORS } from '../../../src/lib/files/api.ts';
import { LOCALES, translate } from '../../../src/lib/i18n/translate.ts';

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

describe('the sizes an upload refusal speaks of', () => {
	const room = { limit: 50 * 1024 ** 2, used: 1.5 * 1024 ** 3, quota: 5 * 1024 ** 3 };

	it('writes the limit, the space used and the quota in the person’s language', () => {
		expect(uploadSizes(room, 'it')).toEqual({ limit: '50 MB', used: '1,5 GB', quota: '5 GB' });
		expect(uploadSizes(room, 'en')).toEqual({ limit: '50 MB', used: '1.5 GB', quota: '5 GB' });
	});

	it('turns every refusal the address can carry into a whole sentence, with no placeholder left', () => {
		for (const locale of LOCALES) {
			for (const code of UPLOAD_ERRORS) {
				const text = translate(locale, `uploads.errors.${code}`, uploadSizes(room, locale));
				expect(text, `${locale} ${code}`).not.toMatch(/[{}]/);
			}
		}
		expect(translate('it', 'uploads.errors.quota_exceeded', uploadSizes(room, 'it'))).toContain('usati 1,5 GB su 5 GB');
	});

	it('refuses before sending a file over the limit, then one the quota has no room for', () => {
		expect(refusedBeforeSending(room.limit + 1, room)).toBe('file_too_large');
		expect(refusedBeforeSending(room.limit, { ...room, used: room.quota - room.limit + 1 })).toBe('quota_exceeded');
		expect(refusedBeforeSending(room.limit, { ...room, used: room.quota - room.limit })).toBeNull();
		expect(refusedBeforeSending(0, room)).toBeNull();
	});
});
