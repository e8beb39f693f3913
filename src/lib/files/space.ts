// The vocabulary of a network's file space pages: how a folder's contents
// may be ordered and filtered, and how long the bin keeps a file. Which
// controls each role is offered is in access.ts.
import { FILE_KINDS, type FileKind } from './kinds.ts';
import { isUuid } from '../uuid.ts';

export const FILE_SORTS = ['name', '-name', '-date', 'date', '-size', 'size', 'type', '-type'] as const;
/** A column, descending when it starts with "-". */
export type FileSort = (typeof FILE_SORTS)[number];

/** Days a file stays in the bin before the server deletes it for good. */
export const BIN_DAYS = 30;

/** Longer than any file name: the rest of a pasted text is not searched. */
const MAX_TYPED = 200;
const MAX_PAGE = 10_000;

export interface FileListQuery {
	/** The folder shown; null for the top of the file space. */
	folder: string | null;
	sort: FileSort;
	kind: FileKind | null;
	/** Words the names must hold. */
	q: string;
	page: number;
}

/** The files page's GET parameters: anything unknown is the default (the top, by name, everything, first page). */
export function fileListQuery(params: URLSearchParams): FileListQuery {
	const folder = params.get('folder');
	const sort = params.get('sort');
	const kind = params.get('kind');
	const page = Number.parseInt(params.get('page') ?? '', 10);
	return {
		folder: folder && isUuid(folder) ? folder : null,
		sort: FILE_SORTS.find((s) => s === sort) ?? 'name',
		kind: FILE_KINDS.find((k) => k === kind) ?? null,
		q: (params.get('q') ?? '').trim().slice(0, MAX_TYPED),
		page: Number.isSafeInteger(page) && page > 1 ? Math.min(page, MAX_PAGE) : 1
	};
}

/** The address of the files page for a query, without the parameters that are at their default. */
export function fileListHref(networkId: string, query: Partial<FileListQuery>): string {
	const params = new URLSearchParams();
	if (query.folder) params.set('folder', query.folder);
	if (query.sort && query.sort !== 'name') params.set('sort', query.sort);
	if (query.kind) params.set('kind', query.kind);
	if (query.q) params.set('q', query.q);
	if (query.page && query.page > 1) params.set('page', String(query.page));
	const search = params.toString();
	return `/networks/${networkId}/files${search ? `?${search}` : ''}`;
}
