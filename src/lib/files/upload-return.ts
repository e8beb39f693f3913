// Without JavaScript an upload is a plain form post; the endpoint answers
// with a redirect back to the page, saying in the address what happened
// (?uploaded=N or ?upload_error=<code>, see api.ts). This reads it back as
// the message the page shows.
import { UPLOAD_ERRORS, type UploadErrorCode } from './api.ts';

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
