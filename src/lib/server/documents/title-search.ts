// Finding a network's documents by title, as the person (row-level security
// decides which exist), for the document picker and for a title typed
// without it. Titles and what is typed are compared folded: lower case,
// without accents, so "citta" finds "Città". Archived documents are not
// offered: they are done with, and nothing new should point at them.
import type { Queryable } from '../db/types.ts';
import type { DocumentOption } from '../../documents/picker.ts';

/** Lower case without accents, in SQL (also for file names): NFD splits "à" into "a" and a combining mark, which goes. */
export const fold = (expression: string) => `lower(regexp_replace(normalize(${expression}, NFD), '[\\u0300-\\u036f]', '', 'g'))`;

const OPTION = `d.id, d.title, d.kind::text as kind`;
const CHANGED = 'greatest(d.content_updated_at, d.updated_at)';

/** At most this many words of a search count; more only slow it down. */
const MAX_WORDS = 8;

/**
 * The LIKE patterns for what was typed, one per word: each word may appear
 * anywhere in the title, in any order. %, _ and \ are escaped so that they
 * match themselves.
 */
export function titlePatterns(typed: string): string[] {
	return typed
		.split(/\s+/)
		.filter(Boolean)
		.slice(0, MAX_WORDS)
		.map((word) => `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
}

/**
 * Documents whose title holds every word typed, most recently changed
 * first; nothing typed lists the latest. Read along the list's index, so a
 * search stops as soon as it has found enough.
 */
export async function searchDocumentTitles(
	tx: Queryable,
	networkId: string,
	typed: string,
	limit = 10
): Promise<DocumentOption[]> {
	const { rows } = await tx.query<DocumentOption>(
		`select ${OPTION} from public.documents d
		 where d.network_id = $1 and d.status <> 'archived'
		   and ${fold('d.title')} like all (array(select ${fold('p')} from json_array_elements_text($2::json) as p))
		 order by ${CHANGED} desc, d.id desc
		 limit $3`,
		[networkId, JSON.stringify(titlePatterns(typed)), limit]
	);
	return rows;
}

/**
 * Documents titled exactly what was typed, but for case and accents; several
 * when titles repeat. Given an id, only that document, by its key: the
 * picker's choice is checked against its field without reading the others.
 */
export async function documentsTitled(
	tx: Queryable,
	networkId: string,
	typed: string,
	{ id = null, limit = 10 }: { id?: string | null; limit?: number } = {}
): Promise<DocumentOption[]> {
	const { rows } = await tx.query<DocumentOption>(
		`select ${OPTION} from public.documents d
		 where d.network_id = $1 and d.status <> 'archived' and ${fold('btrim(d.title)')} = ${fold('btrim($2)')}
		   ${id ? 'and d.id = $4' : ''}
		 order by ${CHANGED} desc, d.id desc
		 limit $3`,
		[networkId, typed, limit, ...(id ? [id] : [])]
	);
	return rows;
}
