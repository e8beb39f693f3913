import type { UploadErrorCode } from '../../files/api.ts';
import type { PgError } from '../db/errors.ts';

/** A file request refused for a reason the person can read (uploads.errors.<code>). */
export class FileRequestError extends Error {
	constructor(
		readonly code: UploadErrorCode,
		readonly status: number,
		readonly details: { limit?: number; used?: number; quota?: number } = {},
		cause?: unknown
	) {
		super(code, { cause });
		this.name = 'FileRequestError';
	}
}

export const pgError = (error: unknown): PgError => (error ?? {}) as PgError;
