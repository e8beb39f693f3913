// The contract between the file endpoints (src/lib/server/files/http.ts)
// and the pages that call them: where to send bytes, what comes back, and
// the reasons an upload or a download is refused.

/** The percent-encoded file name of a raw upload (the body is the file's bytes). */
export const FILE_NAME_HEADER = 'x-file-name';

export const fileUrls = {
	/** POST: a new file in the network, at the top or in a folder. */
	upload: (networkId: string, folderId?: string | null) =>
		`/api/networks/${networkId}/files${folderId ? `?folder=${folderId}` : ''}`,
	/** POST: a new version of a file. */
	newVersion: (fileId: string) => `/api/files/${fileId}/versions`,
	/** GET: the current version, or one version; inline only for types that preview safely. */
	content: (fileId: string, options: { version?: string; inline?: boolean } = {}) => {
		const query = new URLSearchParams();
		if (options.version) query.set('version', options.version);
		if (options.inline) query.set('inline', '1');
		const search = query.toString();
		return `/api/files/${fileId}${search ? `?${search}` : ''}`;
	}
};

export interface UploadedFile {
	id: string;
	name: string;
	size: number;
	contentType: string;
	/** 1 for a new file. */
	version: number;
}

export const UPLOAD_ERRORS = [
	'not_signed_in',
	'forbidden',
	'not_found',
	'cross_site',
	'bad_request',
	'form_unreadable',
	'file_too_large',
	'quota_exceeded',
	'upload_incomplete',
	'storage_failed',
	'server_error'
] as const;
export type UploadErrorCode = (typeof UPLOAD_ERRORS)[number];

/** The body of every refused file request, with the message already in the person's language. */
export interface FileRefusal {
	error: {
		code: UploadErrorCode;
		message: string;
		/** file_too_large: the limit in bytes. */
		limit?: number;
		/** quota_exceeded: what the network uses and may use, in bytes. */
		used?: number;
		quota?: number;
	};
}
