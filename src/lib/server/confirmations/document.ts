// What deleting a document takes with it, for everyone: its text and its
// history, its versions, its comments, a map's entries, its approvals and the
// notifications about it (all cascade); discussions about it stay, unlinked
// (on delete set null). Counted as the person, so the policies decide what
// they may know; only a facilitator may delete (documents_delete).
import type { Queryable } from '../db/types.ts';
import type { Confirmation } from '../../confirmation.ts';
import { counted } from './ask.ts';

interface DocumentTies {
	title: string;
	archived: boolean;
	mayDelete: boolean;
	versions: number;
	comments: number;
	entries: number;
	threads: number;
	/** Sealed versions partners adhere to: such a pact is archived, never deleted (pact_seals). */
	seals: number;
}

async function documentTies(tx: Queryable, networkId: string, documentId: string): Promise<DocumentTies | null> {
	const { rows } = await tx.query<DocumentTies>(
		`select d.title, d.status = 'archived' as archived,
		        public.has_role(d.network_id, '{facilitator}') as "mayDelete",
		        (select count(*)::int from public.document_versions v where v.document_id = d.id) as versions,
		        (select count(*)::int from public.comments c where c.document_id = d.id) as comments,
		        (select count(*)::int from public.map_entries e where e.document_id = d.id) as entries,
		        (select count(*)::int from public.threads t where t.document_id = d.id) as threads,
		        (select count(*)::int from public.pact_seals s where s.document_id = d.id) as seals
		 from public.documents d where d.network_id = $1 and d.id = $2`,
		[networkId, documentId]
	);
	return rows[0] ?? null;
}

/** The question before deleting a document, or null when this person cannot see it. */
export async function documentDeletion(tx: Queryable, networkId: string, documentId: string): Promise<Confirmation | null> {
	const ties = await documentTies(tx, networkId, documentId);
	if (!ties) return null;
	return {
		action: '?/delete',
		fields: {},
		title: { key: 'confirm.document.title', params: { title: ties.title } },
		consequences: [
			{ key: 'confirm.document.text' },
			...counted(ties.versions, 'confirm.document.versionsOne', 'confirm.document.versionsMany'),
			...counted(ties.comments, 'confirm.document.commentsOne', 'confirm.document.commentsMany'),
			...counted(ties.entries, 'confirm.document.entriesOne', 'confirm.document.entriesMany'),
			...counted(ties.threads, 'confirm.document.threadsOne', 'confirm.document.threadsMany'),
			...(ties.archived ? [] : [{ key: 'confirm.document.archiveInstead' } as const]),
			{ key: 'confirm.document.final' }
		],
		confirmLabel: { key: 'confirm.document.confirm' },
		...(!ties.mayDelete
			? { blocked: { key: 'confirm.document.blocked' } }
			: ties.seals > 0
				? { blocked: { key: 'errors.pact_has_seals' } }
				: {})
	};
}
