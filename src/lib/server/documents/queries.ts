// Documents as people see them: every function runs in a transaction opened
// as the person (locals.db), so row-level security decides which documents
// and versions exist for them. Nothing here filters permissions in code.
import type { Queryable } from '../db/types.ts';
import type { Role } from '../../domain.ts';
import type { DocumentKind, DocumentStatus } from '../../documents/kinds.ts';
import { HEADLINE_OPTIONS, headlineParts, type HeadlinePart } from './headline.ts';
import { keysetTime, type Keyset } from '../keyset.ts';

export interface DocumentSummary {
	id: string;
	title: string;
	kind: DocumentKind;
	status: DocumentStatus;
	/** The later of a change to the text and a change to title or status. */
	changedAt: Date;
}

export interface DocumentFilters {
	kind?: DocumentKind | null;
	status?: DocumentStatus | null;
}

const CHANGED = 'greatest(d.content_updated_at, d.updated_at)';
const SUMMARY = `d.id, d.title, d.kind::text as kind, d.status::text as status, ${CHANGED} as "changedAt"`;

export const DOCUMENTS_PER_PAGE = 50;

export interface DocumentListOptions extends DocumentFilters {
	/** The page that follows this place in the list… */
	after?: Keyset | null;
	/** …or the page that precedes it; neither is the first page. */
	before?: Keyset | null;
	limit?: number;
}

export interface DocumentPage {
	documents: DocumentSummary[];
	/** The places of the page's first and last documents, null when it is empty. */
	first: Keyset | null;
	last: Keyset | null;
	hasPrevious: boolean;
	hasNext: boolean;
}

/**
 * One page of a network's documents, most recently changed first, paged by
 * keyset on (change time, id): a page reads only its own rows through
 * documents_network_changed, however deep in the list it is. A page before a
 * place is read backwards from it; when it reaches the start of the list, or
 * a place no longer leads anywhere, the first page is shown instead.
 */
export async function listDocuments(
	tx: Queryable,
	networkId: string,
	{ kind = null, status = null, after = null, before = null, limit = DOCUMENTS_PER_PAGE }: DocumentListOptions = {}
): Promise<DocumentPage> {
	const cursor = after ?? before;
	const backwards = !after && !!before;
	// Written out only when there is a place, so that the planner always sees it as the index's bound.
	const from = cursor ? `and (${CHANGED}, d.id) ${backwards ? '>' : '<'} ($5::timestamptz, $6::uuid)` : '';
	const direction = backwards ? 'asc' : 'desc';
	const { rows } = await tx.query<DocumentSummary & { cursorTime: string }>(
		`select ${SUMMARY}, ${keysetTime(CHANGED)} as "cursorTime" from public.documents d
		 where d.network_id = $1
		   and ($2::public.document_kind is null or d.kind = $2)
		   and ($3::public.document_status is null or d.status = $3)
		   ${from}
		 order by ${CHANGED} ${direction}, d.id ${direction}
		 limit $4`,
		[networkId, kind, status, limit + 1, ...(cursor ? [cursor.at, cursor.id] : [])]
	);
	const more = rows.length > limit;
	const page = rows.slice(0, limit);
	if (backwards) page.reverse();
	if (cursor && (backwards ? !more : page.length === 0)) return listDocuments(tx, networkId, { kind, status, limit });
	const place = (row: (typeof rows)[number] | undefined) => (row ? { at: row.cursorTime, id: row.id } : null);
	return {
		documents: page.map(({ cursorTime: _, ...summary }) => summary),
		first: place(page[0]),
		last: place(page.at(-1)),
		hasPrevious: backwards ? more : !!cursor,
		hasNext: backwards || more
	};
}

export interface DocumentCount {
	/** Documents the list holds for these filters. */
	total: number;
	/** How many of them come before the given place. */
	preceding: number;
}

/** Counts the list for its filters (see document_count() for why in one call). */
export async function countDocuments(
	tx: Queryable,
	networkId: string,
	{ kind = null, status = null }: DocumentFilters = {},
	from: Keyset | null = null
): Promise<DocumentCount> {
	const { rows } = await tx.query<DocumentCount>(
		'select total, preceding from public.document_count($1, $2, $3, $4, $5)',
		[networkId, kind, status, from?.at ?? null, from?.id ?? null]
	);
	return rows[0];
}

export interface SearchHit extends DocumentSummary {
	headline: HeadlinePart[];
}

/**
 * Full-text search over titles and text with Italian stemming, best first.
 * Headlines are computed for the returned rows only: ts_headline re-parses
 * the text and is the expensive part.
 */
export async function searchDocuments(
	tx: Queryable,
	networkId: string,
	query: string,
	{ kind = null, status = null }: DocumentFilters = {},
	limit = 30
): Promise<SearchHit[]> {
	const { rows } = await tx.query<DocumentSummary & { headline: string }>(
		`with q as (select websearch_to_tsquery('italian', $2) as query),
		 hits as (
		   select ${SUMMARY}, d.content_text, ts_rank(d.search, q.query) as rank
		   from public.documents d, q
		   where d.network_id = $1 and d.search @@ q.query
		     and ($3::public.document_kind is null or d.kind = $3)
		     and ($4::public.document_status is null or d.status = $4)
		   order by rank desc, ${CHANGED} desc
		   limit $5
		 )
		 select hits.id, hits.title, hits.kind, hits.status, hits."changedAt",
		        ts_headline('italian', hits.content_text, q.query, $6) as headline
		 from hits, q
		 order by hits.rank desc, hits."changedAt" desc`,
		[networkId, query, kind, status, limit, HEADLINE_OPTIONS]
	);
	return rows.map(({ headline, ...summary }) => ({ ...summary, headline: headlineParts(headline) }));
}

export interface DocumentInput {
	title: string;
	kind: DocumentKind;
}

/**
 * Creates a document and writes its template as its first state, in the
 * caller's transaction: a document never exists without its template, and
 * the template is never written by a browser.
 */
export async function createDocument(
	tx: Queryable,
	networkId: string,
	input: DocumentInput,
	template: Uint8Array
): Promise<string> {
	const { rows } = await tx.query<{ id: string }>(
		`insert into public.documents (network_id, kind, title) values ($1, $2, $3) returning id`,
		[networkId, input.kind, input.title]
	);
	const id = rows[0].id;
	await tx.query('select public.initialize_document($1, $2)', [id, Buffer.from(template)]);
	return id;
}

export interface DocumentDetail extends DocumentSummary {
	networkId: string;
	createdAt: Date;
	createdByName: string | null;
	/** Stored changes that could not be read back and were set aside. */
	problems: number;
	/** Whether this person may write the text and its versions: the database's rule (may_write_document). */
	mayWrite: boolean;
}

/** The document if this person may see it in this network, else null (RLS hid it, or it does not exist). */
export async function openDocument(tx: Queryable, networkId: string, documentId: string): Promise<DocumentDetail | null> {
	const { rows } = await tx.query<DocumentDetail>(
		`select ${SUMMARY}, d.network_id as "networkId", d.created_at as "createdAt",
		        p.display_name as "createdByName",
		        (select count(*) from public.document_problems x where x.document_id = d.id)::int as problems,
		        public.may_write_document(d.id) as "mayWrite"
		 from public.documents d
		 left join public.profiles p on p.id = d.created_by
		 where d.id = $1 and d.network_id = $2`,
		[documentId, networkId]
	);
	return rows[0] ?? null;
}

/** Renames; false when the policies hid the row from this change. */
export async function renameDocument(tx: Queryable, networkId: string, documentId: string, title: string): Promise<boolean> {
	const { rows } = await tx.query(
		'update public.documents set title = $3 where id = $1 and network_id = $2 returning id',
		[documentId, networkId, title]
	);
	return rows.length === 1;
}

/** Changes the status; may_set_status in the policy refuses what the role may not choose. */
export async function setDocumentStatus(
	tx: Queryable,
	networkId: string,
	documentId: string,
	status: DocumentStatus
): Promise<boolean> {
	const { rows } = await tx.query(
		'update public.documents set status = $3 where id = $1 and network_id = $2 returning id',
		[documentId, networkId, status]
	);
	return rows.length === 1;
}

export interface DocumentAccess {
	networkId: string;
	role: Role;
	status: DocumentStatus;
	/** Whether the person may write the text and its versions: the database's rule (may_write_document), not a copy of it. */
	mayWrite: boolean;
}

/** The person's role, the document's status and whether they may write it, asked of the database as the person; null when hidden. */
export async function documentAccess(tx: Queryable, documentId: string): Promise<DocumentAccess | null> {
	const { rows } = await tx.query<DocumentAccess>(
		`select network_id as "networkId", role::text as role, status::text as status, public.may_write_document($1) as "mayWrite"
		 from public.document_access($1)`,
		[documentId]
	);
	return rows[0] ?? null;
}

export interface VersionSummary {
	id: string;
	name: string | null;
	automatic: boolean;
	createdAt: Date;
	createdByName: string | null;
}

export async function listVersions(tx: Queryable, documentId: string, limit = 200): Promise<VersionSummary[]> {
	const { rows } = await tx.query<VersionSummary>(
		`select v.id, v.name, v.automatic, v.created_at as "createdAt", p.display_name as "createdByName"
		 from public.document_versions v
		 left join public.profiles p on p.id = v.created_by
		 where v.document_id = $1
		 order by v.created_at desc
		 limit $2`,
		[documentId, limit]
	);
	return rows;
}

export async function saveVersion(
	tx: Queryable,
	documentId: string,
	version: { name: string; state: Uint8Array; text: string }
): Promise<string> {
	const { rows } = await tx.query<{ id: string }>(
		`insert into public.document_versions (document_id, name, state, content_text)
		 values ($1, $2, $3, $4) returning id`,
		[documentId, version.name, Buffer.from(version.state), version.text]
	);
	return rows[0].id;
}

export interface Version extends VersionSummary {
	state: Uint8Array;
}

export async function readVersion(tx: Queryable, documentId: string, versionId: string): Promise<Version | null> {
	const { rows } = await tx.query<Version>(
		`select v.id, v.name, v.automatic, v.created_at as "createdAt", p.display_name as "createdByName", v.state
		 from public.document_versions v
		 left join public.profiles p on p.id = v.created_by
		 where v.id = $1 and v.document_id = $2`,
		[versionId, documentId]
	);
	const row = rows[0];
	return row ? { ...row, state: new Uint8Array(row.state) } : null;
}

/** Deletes a document and all that hangs on it, answering its title; null when documents_delete (facilitators only) hid it. */
export async function deleteDocument(tx: Queryable, networkId: string, documentId: string): Promise<string | null> {
	const { rows } = await tx.query<{ title: string }>(
		'delete from public.documents where id = $1 and network_id = $2 returning title',
		[documentId, networkId]
	);
	return rows[0]?.title ?? null;
}
