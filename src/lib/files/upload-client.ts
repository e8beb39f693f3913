import { FILE_NAME_HEADER, UPLOAD_ERRORS, type FileRefusal, type UploadErrorCode, type UploadedFile } from './api.ts';

export class UploadRefused extends Error {
	constructor(
		readonly code: UploadErrorCode | 'network' | 'cancelled',
		message: string,
		readonly status = 0
	) {
		super(message);
		this.name = 'UploadRefused';
	}
}

export interface UploadOptions {
	/** Called as bytes leave the browser, with what is sent so far and the file's size. */
	onProgress?: (sent: number, total: number) => void;
	/** Aborting cancels the upload: the server then keeps nothing of it. */
	signal?: AbortSignal;
}

/**
 * Sends one file as the raw body of a POST. XMLHttpRequest, not fetch:
 * only it reports upload progress. Resolves with what the server stored;
 * rejects with UploadRefused carrying the server's reason (its message is
 * already in the person's language), 'network' when the connection
 * failed, or 'cancelled'.
 */
export function uploadFile(url: string, file: File, options: UploadOptions = {}): Promise<UploadedFile> {
	return new Promise((resolve, reject) => {
		const request = new XMLHttpRequest();
		request.open('POST', url);
		request.responseType = 'json';
		request.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(file.name));
		request.setRequestHeader('accept', 'application/json');
		request.upload.onprogress = (event) => options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
		request.onload = () => {
			const body = request.response as ({ file?: UploadedFile } & Partial<FileRefusal>) | null;
			if (request.status === 201 && body?.file) return resolve(body.file);
			const code = body?.error?.code;
			const known = code && (UPLOAD_ERRORS as readonly string[]).includes(code);
			reject(new UploadRefused(known ? code : 'network', body?.error?.message ?? '', request.status));
		};
		request.onerror = () => reject(new UploadRefused('network', ''));
		request.onabort = () => reject(new UploadRefused('cancelled', ''));
		if (options.signal?.aborted) return request.abort();
		options.signal?.addEventListener('abort', () => request.abort(), { once: true });
		request.send(file);
	});
}
