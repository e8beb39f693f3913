// What restoring a version of a document does: the text of now is kept as
// a version first (so it can be restored back), then replaced; the open
// comments anchored to the text of now that the restore takes off their
// text are named, by author and words.
import type { Queryable } from '../db/types.ts';
import { excerpt, type Confirmation } from '../../confirmation.ts';
import { losingTextOnRestore } from '../comments/anchors-after-restore.ts';

interface OpenComment {
	quote: string;
	authorName: string | null;
	anchorFrom: Uint8Array;
	anchorTo: Uint8Array;
}

/** The open comments on the document's text, read as the person. */
async function openComments(tx: Queryable, documentId: string): Promise<OpenComment[]> {
	const { rows } = await tx.query<OpenComment>(
		`select x.quote, p.display_name as "authorName", x.anchor_from as "anchorFrom", x.anchor_to as "anchorTo"
		 from public.comments x
		 left join public.profiles p on p.id = x.author_id
		 where x.document_id = $1 and x.entry_id is null and not x.resolved
		 order by x.created_at, x.id`,
		[documentId]
	);
	return rows;
}

/** The question before restoring `version` over the document's `current` state. */
export async function versionRestore(
	tx: Queryable,
	documentId: string,
	{ name, restored, current }: { name: string; restored: Uint8Array; current: Uint8Array }
): Promise<Confirmation> {
	const losing = losingTextOnRestore(current, restored, await openComments(tx, documentId));
	return {
		action: '?/restore',
		fields: {},
		title: { key: 'confirm.restore.title', params: { name } },
		consequences: [
			{ key: 'confirm.restore.text' },
			{ key: 'confirm.restore.kept' },
			losing.length === 0
				? { key: 'confirm.restore.commentsNone' }
				: losing.length === 1
					? { key: 'confirm.restore.commentsOne' }
					: { key: 'confirm.restore.commentsMany', params: { count: losing.length } }
		],
		items:
			losing.length === 0
				? undefined
				: {
						title: { key: 'confirm.restore.commentsTitle' },
						list: losing.map((comment) => ({ who: comment.authorName, text: excerpt(comment.quote) }))
					},
		confirmLabel: { key: 'confirm.restore.confirm' }
	};
}
