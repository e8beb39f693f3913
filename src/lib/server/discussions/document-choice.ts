// Which document a new thread links to. The picker sends the id of the
// document chosen from its list beside the title its field shows; without
// JavaScript only the typed title arrives. The field decides: emptied, there
// is no link; edited, the id no longer counts and the title is looked up.
// When the title names no single document, the refusal offers candidates,
// which come back as `documentChoice`.
import type { MessageKey } from '$lib/i18n/translate';
import type { Queryable } from '../db/types.ts';
import type { DocumentOption } from '../../documents/picker.ts';
import { documentsTitled, searchDocumentTitles } from '../documents/title-search.ts';

export type DocumentChoice = { document: string | null } | { refused: MessageKey; candidates: DocumentOption[] };

/** Longer than any title: beyond it, a pasted text is not compared. */
const TITLE_MAX = 200;

/** What a refusal says for no candidate, one (never linked unasked: it is only like what was typed) or several. */
const CANDIDATES_SAY: MessageKey[] = ['discussions.documentNotFound', 'discussions.documentConfirm', 'discussions.documentChoose'];

export async function chooseDocument(
	tx: Queryable,
	networkId: string,
	form: { document: string | null; documentChoice: string | null; documentTitle: string }
): Promise<DocumentChoice> {
	if (form.documentChoice) return { document: form.documentChoice };
	const typed = form.documentTitle.slice(0, TITLE_MAX);
	if (!typed) return { document: null };
	if (form.document && (await documentsTitled(tx, networkId, typed, { id: form.document })).length === 1) {
		return { document: form.document };
	}
	const titled = await documentsTitled(tx, networkId, typed);
	if (titled.length === 1) return { document: titled[0].id };
	const candidates = titled.length > 1 ? titled : await searchDocumentTitles(tx, networkId, typed);
	return { refused: CANDIDATES_SAY[Math.min(candidates.length, 2)], candidates };
}
