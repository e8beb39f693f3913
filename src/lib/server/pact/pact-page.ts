// The community pact a page under /documents/<docId>/commitments is about,
// opened as the person: a missing, hidden or other kind of document is a 404.
import { error } from '@sveltejs/kit';
import type { Queryable } from '../db/types.ts';
import { openDocument, type DocumentDetail } from '../documents/queries.ts';
import { isUuid } from '../../uuid.ts';

export async function openPact(tx: Queryable, networkId: string, documentId: string): Promise<DocumentDetail> {
	const doc = isUuid(documentId) ? await openDocument(tx, networkId, documentId) : null;
	if (!doc) error(404, 'documents.notFound');
	if (doc.kind !== 'community_pact') error(404, 'pactProposals.error.notAPact');
	return doc;
}
