import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, refuse } from '$lib/server/forms';
import { isUuid } from '$lib/uuid';
import { documentAccess, openDocument, readVersion, saveVersion } from '$lib/server/documents/queries';
import { stateText } from '$lib/server/collab/text';
import { isConfirmed } from '$lib/confirmation';
import { translate } from '$lib/i18n/translate';
import { askFirst } from '$lib/server/confirmations/ask';
import { versionRestore } from '$lib/server/confirmations/version';
import { runtime } from '$lib/server/runtime';
import { stateToJson } from '$lib/documents/content';
import { diffBlocks } from '$lib/documents/diff';
import { toHtml } from '$lib/documents/html';

export const load = (async ({ locals, params, parent }) => {
	await parent();
	if (!isUuid(params.docId)) error(404, 'documents.notFound');
	if (!isUuid(params.versionId)) error(404, 'versions.notFound');
	const { doc, version } = await locals.db(async (tx) => {
		const doc = await openDocument(tx, params.id, params.docId);
		if (!doc) error(404, 'documents.notFound');
		const version = await readVersion(tx, doc.id, params.versionId);
		if (!version) error(404, 'versions.notFound');
		return { doc, version };
	});
	// Only now, with the document visible to this person, is the live state read.
	const current = await (await runtime()).collab.encodeState(doc.id);
	const then = stateToJson(version.state);
	const { state: _state, ...summary } = version;
	return {
		doc,
		version: summary,
		html: toHtml(then, { scrollingTables: true }),
		changes: diffBlocks(then, stateToJson(current))
	};
}) satisfies PageServerLoad;

export const actions = {
	restore: async ({ request, locals, params }) => {
		const form = await request.formData();
		if (!isUuid(params.docId) || !isUuid(params.versionId)) return refuse(404, form, 'versions.notFound');
		// The role is asked of the database as the person, before the collab
		// server (which works with service access) changes anything.
		const found = await locals.db(async (tx) => {
			const access = await documentAccess(tx, params.docId);
			if (!access || access.networkId !== params.id || !access.mayWrite) return 'refused';
			return (await readVersion(tx, params.docId, params.versionId)) ?? 'missing';
		});
		if (found === 'refused') return refuse(403, form, 'versions.restoreRefused');
		if (found === 'missing') return refuse(404, form, 'versions.notFound');
		const { collab } = await runtime();
		const current = await collab.encodeState(params.docId);
		if (!isConfirmed(form)) {
			const name = found.name ?? translate(locals.locale, 'versions.automaticName');
			return askFirst(
				await locals.db((tx) => versionRestore(tx, params.docId, { name, restored: found.state, current }))
			);
		}
		// The text of now is kept first, so that this restore can be taken back by another.
		const kept = await attempt(
			form,
			() =>
				locals.db((tx) =>
					saveVersion(tx, params.docId, {
						name: translate(locals.locale, 'confirm.restore.savedName'),
						state: current,
						text: stateText(current)
					})
				),
			'versions.restoreRefused'
		);
		if (typeof kept !== 'string') return kept;
		await collab.restore(params.docId, found.state, locals.user!.id);
		redirect(303, `/networks/${params.id}/documents/${params.docId}`);
	}
} satisfies Actions;
