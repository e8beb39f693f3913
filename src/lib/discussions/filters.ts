// Which threads the list shows: open ones by default, a page at a time.
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
