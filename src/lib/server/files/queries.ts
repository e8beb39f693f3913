// A network's file space as a person sees it: every function runs in a
// transaction opened as the person (locals.db), so row-level security
// decides which folders and files exist for them. Nothing here filters
// permissions in code. The changes are in ./changes.ts.
import type { Queryable } from '../db/types.ts';
import { fold, titlePatterns } from '../documents/title-search.ts';
import { fileKind, type FileKind } from '../../files/kinds.ts';
import { BIN_DAYS, type FileListQuery, type FileSort } from '../../files/space.ts';

/** Who uploaded or binned a file; no name when the account is gone or no longer shares a network with the reader. */
export interface Person {
	id: string | null;
	name: string | null;
}

export interface FileItem {
	id: string;
	name: string;
	size: number;
	/** Detected from the bytes of the current version. */
	contentType: string;
	versionCount: number;
	/** When the current version was uploaded, and by whom. */
	updatedAt: Date;
	uploader: Person;
}

export interface FolderItem {
	id: string;
	name: string;
	/** Files (outside the bin) and folders directly inside. */
	itemCount: number;
}

export interface Crumb {
	id: string;
	name: string;
}

export interface FolderContents {
	/** From the top down to the folder shown, which is last; empty at the top. */
	breadcrumbs: Crumb[];
	folders: FolderItem[];
	files: FileItem[];
	/** The files matching the filters in the whole folder, across pages. */
	fileCount: number;
}

export const FILES_PER_PAGE = 100;

interface PersonColumns {
	personId: string | null;
	personName: string | null;
}

const personOf = ({ personId, personName }: PersonColumns): Person => ({ id: personId, name: personName });

// The files are f, the person shown beside each is p.
const FILE_COLUMNS = `f.id, f.name, f.size::float8 as size, f.content_type as "contentType",
	f.version_count as "versionCount", f.updated_at as "updatedAt"`;
const NAME_ORDER = `${fold('f.name')}, f.name`;
const FILE_ORDER: Record<FileSort, string> = {
	name: `${NAME_ORDER}, f.id`,
	'-name': `${fold('f.name')} desc, f.name desc, f.id`,
	date: 'f.updated_at, f.id',
	'-date': 'f.updated_at desc, f.id',
	size: `f.size, ${NAME_ORDER}, f.id`,
	'-size': `f.size desc, ${NAME_ORDER}, f.id`,
	type: `f.content_type, ${NAME_ORDER}, f.id`,
	'-type': `f.content_type desc, ${NAME_ORDER}, f.id`
};
/** Names hold every word typed, compared folded like document titles. */
const NAME_MATCHES = (column: string, patterns: string) =>
	`${fold(column)} like all (array(select ${fold('p')} from json_array_elements_text(${patterns}::json) as p))`;
/** The live files of folder $2 (the top for null) of network $1 whose names hold the words $3 and whose types are among $4 (any for null). */
const FILES_SHOWN = `f.network_id = $1 and f.folder_id is not distinct from $2 and f.deleted_at is null
	and ${NAME_MATCHES('f.name', '$3')} and ($4::text[] is null or f.content_type = any ($4::text[]))`;

/** The folder and those above it, top first; empty when the network has no such folder for this person. */
export async function breadcrumbs(tx: Queryable, networkId: string, folderId: string): Promise<Crumb[]> {
	const { rows } = await tx.query<Crumb>(
		`with recursive up (id, name, parent_id, depth) as (
		   select d.id, d.name, d.parent_id, 0 from public.file_folders d where d.id = $2 and d.network_id = $1
		   union all
		   select d.id, d.name, d.parent_id, up.depth + 1 from public.file_folders d join up on d.id = up.parent_id
		 )
		 select id, name from up order by depth desc`,
		[networkId, folderId]
	);
	return rows;
}

/**
 * The content types of a folder's files that fall in a kind: the kinds are
 * fileKind()'s groups, so the database is asked which types the folder
 * holds and the list is then filtered on exactly those.
 */
async function typesOfKind(tx: Queryable, networkId: string, folderId: string | null, kind: FileKind): Promise<string[]> {
	const { rows } = await tx.query<{ contentType: string }>(
		`select distinct f.content_type as "contentType" from public.files f
		 where f.network_id = $1 and f.folder_id is not distinct from $2 and f.deleted_at is null`,
		[networkId, folderId]
	);
	return rows.map((row) => row.contentType).filter((type) => fileKind(type) === kind);
}

/**
 * What a folder (or the top, for null) holds: its folders first, by name,
 * then a page of its files in the order asked for. A typed name filters
 * both; a kind filters the files and leaves out the folders. Null when the
 * folder is not one of the network's for this person.
 */
export async function listFolder(
	tx: Queryable,
	networkId: string,
	{ folder, sort, kind, q, page }: FileListQuery,
	perPage = FILES_PER_PAGE
): Promise<FolderContents | null> {
	const crumbs = folder ? await breadcrumbs(tx, networkId, folder) : [];
	if (folder && crumbs.length === 0) return null;
	const patterns = JSON.stringify(titlePatterns(q));
	const folders =
		kind || page > 1
			? { rows: [] }
			: await tx.query<FolderItem>(
					`select d.id, d.name,
					        ((select count(*) from public.files x where x.network_id = d.network_id and x.folder_id = d.id and x.deleted_at is null)
					         + (select count(*) from public.file_folders y where y.parent_id = d.id))::int as "itemCount"
					 from public.file_folders d
					 where d.network_id = $1 and d.parent_id is not distinct from $2 and ${NAME_MATCHES('d.name', '$3')}
					 order by ${fold('d.name')} ${sort === '-name' ? 'desc' : 'asc'}, d.name, d.id`,
					[networkId, folder, patterns]
				);
	const types = kind ? await typesOfKind(tx, networkId, folder, kind) : null;
	const files = await tx.query<Omit<FileItem, 'uploader'> & PersonColumns & { total: number }>(
		`select ${FILE_COLUMNS}, f.updated_by as "personId", p.display_name as "personName", (count(*) over ())::int as total
		 from public.files f
		 left join public.profiles p on p.id = f.updated_by
		 where ${FILES_SHOWN}
		 order by ${FILE_ORDER[sort]}
		 limit $5 offset $6`,
		[networkId, folder, patterns, types, perPage, (page - 1) * perPage]
	);
	return {
		breadcrumbs: crumbs,
		folders: folders.rows,
		files: files.rows.map(({ personId, personName, total: _, ...file }) => ({ ...file, uploader: personOf({ personId, personName }) })),
		// A page past the end has no rows to carry the count: it is asked for again.
		fileCount: files.rows[0]?.total ?? (page > 1 ? await countFiles(tx, networkId, folder, patterns, types) : 0)
	};
}

async function countFiles(tx: Queryable, networkId: string, folder: string | null, patterns: string, types: string[] | null) {
	const { rows } = await tx.query<{ count: number }>(
		`select count(*)::int as count from public.files f where ${FILES_SHOWN}`,
		[networkId, folder, patterns, types]
	);
	return rows[0].count;
}

export interface FolderChoice {
	id: string;
	/** The folder's path from the top, its own name last… */
	path: string[];
	/** …and the ids along it, its own last. */
	ids: string[];
}

/** Every folder of the network, each after its parent and siblings by name: the choices of "move to". */
export async function folderTree(tx: Queryable, networkId: string): Promise<FolderChoice[]> {
	const { rows } = await tx.query<FolderChoice>(
		`with recursive tree (id, path, ids, sort_path) as (
		   select d.id, array[d.name], array[d.id::text], array[${fold('d.name')} || chr(1) || d.id::text]
		   from public.file_folders d where d.network_id = $1 and d.parent_id is null
		   union all
		   select d.id, tree.path || d.name, tree.ids || d.id::text, tree.sort_path || (${fold('d.name')} || chr(1) || d.id::text)
		   from public.file_folders d join tree on d.parent_id = tree.id
		 )
		 select id, path, ids from tree order by sort_path`,
		[networkId]
	);
	return rows;
}

export interface BinnedFile {
	id: string;
	name: string;
	size: number;
	contentType: string;
	deletedAt: Date;
	deletedBy: Person;
	/** Whole days left before the server deletes it for good; 0 on its last day. */
	daysLeft: number;
	/** The folder it was in, or null when it was at the top or that folder is gone: it comes back at the top. */
	folder: string | null;
}

export const BIN_PER_PAGE = 100;

/** The network's bin, most recently binned first, a page at a time, with how many files it holds. */
export async function listBin(
	tx: Queryable,
	networkId: string,
	{ page = 1, perPage = BIN_PER_PAGE }: { page?: number; perPage?: number } = {}
): Promise<{ files: BinnedFile[]; count: number }> {
	const { rows } = await tx.query<Omit<BinnedFile, 'deletedBy'> & PersonColumns>(
		`select f.id, f.name, f.size::float8 as size, f.content_type as "contentType", f.deleted_at as "deletedAt",
		        f.deleted_by as "personId", p.display_name as "personName", d.name as folder,
		        greatest(0, floor(extract(epoch from (f.deleted_at + make_interval(days => $2) - now())) / 86400))::int as "daysLeft"
		 from public.files f
		 left join public.profiles p on p.id = f.deleted_by
		 left join public.file_folders d on d.id = f.folder_id
		 where f.network_id = $1 and f.deleted_at is not null
		 order by f.deleted_at desc, f.id
		 limit $3 offset $4`,
		[networkId, BIN_DAYS, perPage, (page - 1) * perPage]
	);
	const count = await tx.query<{ count: number }>(
		'select count(*)::int as count from public.files f where f.network_id = $1 and f.deleted_at is not null',
		[networkId]
	);
	return {
		files: rows.map(({ personId, personName, ...file }) => ({ ...file, deletedBy: personOf({ personId, personName }) })),
		count: count.rows[0].count
	};
}

export interface FileSpace {
	/** Bytes stored: every version of every file, the bin's included. */
	used: number;
	quota: number;
}

/** How much of its quota the network uses. */
export async function fileSpace(tx: Queryable, networkId: string): Promise<FileSpace> {
	const { rows } = await tx.query<FileSpace>(
		'select used::float8 as used, quota::float8 as quota from public.file_space($1)',
		[networkId]
	);
	return rows[0];
}
