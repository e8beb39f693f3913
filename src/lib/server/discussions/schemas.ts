import { z } from 'zod';
import { isUuid } from '../documents/schemas.ts';

// The discussion forms, validated at the edge; messages are i18n keys. The
// limits are the database's own (the checks on threads and thread_messages).
export const TITLE_MIN = 3;
export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;

/** Browsers send a textarea's line breaks as CRLF: counted as one character, as typed. */
const typed = (value: string) => value.replace(/\r\n?/g, '\n').trim();

const title = z
	.string()
	.transform(typed)
	.pipe(
		z
			.string()
			.min(1, 'discussions.titleRequired')
			.min(TITLE_MIN, 'discussions.titleLength')
			.max(TITLE_MAX, 'discussions.titleLength')
	);

const body = z
	.string()
	.transform(typed)
	.pipe(z.string().min(1, 'discussions.bodyRequired').max(BODY_MAX, 'discussions.bodyLength'));

// No document is an empty choice; anything else must at least look like an id.
const documentId = z
	.string()
	.optional()
	.transform((value) => value?.trim() || null)
	.refine((value) => value === null || isUuid(value), 'discussions.documentInvalid');

export const newThreadSchema = z.object({ title, body, document: documentId });
export const replySchema = z.object({ body });

export const THREAD_FILTERS = ['open', 'closed', 'all'] as const;
export type ThreadFilter = (typeof THREAD_FILTERS)[number];

export const THREADS_PER_PAGE = 50;

/** The list's GET parameters: anything unknown is the default (open threads, first page). */
export function threadListQuery(params: URLSearchParams): { filter: ThreadFilter; page: number } {
	const state = params.get('state');
	const page = Number.parseInt(params.get('page') ?? '', 10);
	return {
		filter: THREAD_FILTERS.find((f) => f === state) ?? 'open',
		page: Number.isSafeInteger(page) && page > 1 ? Math.min(page, 10_000) : 1
	};
}
