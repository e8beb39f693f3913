// The document page's approval: the text as the collab server holds it
// becomes the approval's named version, in the person's transaction
// (approve_document), so a document is never approved without it.
import type { RequestEvent } from '@sveltejs/kit';
import { attempt, refuse } from '../forms.ts';
import { isUuid } from '../../uuid.ts';
import { translate } from '../../i18n/translate.ts';
import { formatDate } from '../../dates.ts';
import { runtime } from '../runtime.ts';
import { stateText } from '../collab/text.ts';
import { documentAccess } from './queries.ts';
import { approveDocument } from './approval.ts';

export async function approveWithVersion({ locals, params }: RequestEvent<{ id: string; docId: string }>, form: FormData) {
	const documentId = params.docId;
	if (!isUuid(documentId)) return refuse(404, form, 'documents.notFound');
	// Asked first, in its own transaction: the collab server reads the state
	// with its own connection (PGlite has only one), and only for someone who may see it.
	const access = await locals.db((tx) => documentAccess(tx, documentId));
	if (!access || access.networkId !== params.id) return refuse(404, form, 'documents.notFound');
	if (access.status === 'approved') return { statusChanged: 'approved' as const };
	const state = await (await runtime()).collab.encodeState(documentId);
	const name = translate(locals.locale, 'approval.versionName', { date: formatDate(locals.locale, new Date()) });
	const kept = await attempt(
		form,
		() => locals.db((tx) => approveDocument(tx, documentId, { name, state, text: stateText(state) })),
		'approval.approveRefused'
	);
	return typeof kept === 'string' ? { approved: name } : kept;
}
