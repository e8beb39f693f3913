// Without JavaScript an upload is a plain form post; the endpoint answers
// with a redirect back to the page, saying in the address what happened
// (?uploaded=N or ?upload_error=<code>, see api.ts). This reads it back as
// the message the page shows, with the sizes its refusals speak of.
import { UPLOAD_ERRORS, type UploadErrorCode } from './api.ts';
import { formatSize } from './size.ts';
import type { Locale } from '../i18n/translate.ts';

export type UploadReturn = { kind: 'success'; count: number } | { kind: 'error'; key: `uploads.errors.${UploadErrorCode}` };

/** What the address reports of a form upload, or null when it reports none (or something unknown). */
export function uploadReturn(url: URL): UploadReturn | null {
	const code = url.searchParams.get('upload_error');
	if (code !== null) {
		return (UPLOAD_ERRORS as readonly string[]).includes(code)
			? { kind: 'error', key: `uploads.errors.${code as UploadErrorCode}` }
			: null;
	}
	const count = Number(url.searchParams.get('uploaded'));
	return Number.isInteger(count) && count > 0 ? { kind: 'success', count } : null;
}

/** What the network stores and may store, in bytes, and the most one upload may send. */
export interface UploadRoom {
	limit: number;
	used: number;
	quota: number;
}

/**
 * The sizes the refusals speak of ({limit}, {used}, {quota}), written for
 * the person: the server's redirect names only the code, so every page that
 * shows one fills them in from here and never shows a bare placeholder.
 */
export const uploadSizes = (room: UploadRoom, locale: Locale): Record<keyof UploadRoom, string> => ({
	limit: formatSize(room.limit, locale),
	used: formatSize(room.used, locale),
	quota: formatSize(room.quota, locale)
});

/** The refusal the server would give a file of this size, said before sending it all; null when it fits. */
export function refusedBeforeSending(size: number, room: UploadRoom): 'file_too_large' | 'quota_exceeded' | null {
	if (size > room.limit) return 'file_too_large';
	return room.used + size > room.quota ? 'quota_exceeded' : null;
}
