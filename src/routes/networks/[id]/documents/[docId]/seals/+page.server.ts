import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, refuse } from '$lib/server/forms';
import { isUuid } from '$lib/uuid';
import { openDocument } from '$lib/server/documents/queries';
import { listSeals, sealingContext, sealPact } from '$lib/server/pact/seals';
import { isConfirmed } from '$lib/confirmation';
import { askFirst } from '$lib/server/confirmations/ask';
import { runtime } from '$lib/server/runtime';
import { shortFingerprint } from '$lib/pact/short-fingerprint';

export const load = (async ({ locals, params, parent }) => {
	await parent();
	if (!isUuid(params.docId)) error(404, 'documents.notFound');
	return locals.db(async (tx) => {
		const doc = await openDocument(tx, params.id, params.docId);
		if (!doc || doc.kind !== 'community_pact') error(404, 'documents.notFound');
		return { doc, seals: await listSeals(tx, doc.id) };
	});
}) satisfies PageServerLoad;

export const actions = {
	// Also posted from the pact's own page, without JavaScript: the question is asked here.
	seal: async ({ request, locals, params }) => {
		const form = await request.formData();
		if (!isUuid(params.docId)) return refuse(404, form, 'documents.notFound');
		const documentId = params.docId;
		// Who may seal is asked before anything else, so a refusal is said at once rather than after the question.
		const asked = await attempt(form, () =>
			locals.db(async (tx) => {
				const context = await sealingContext(tx, documentId);
				if (context.networkId !== params.id) return null;
				return { ...context, next: (await listSeals(tx, documentId)).length + 1 };
			})
		);
		if (asked === null) return refuse(404, form, 'errors.seal_not_found');
		if (!('next' in asked)) return asked;
		if (!isConfirmed(form)) {
			return askFirst({
				action: `/networks/${params.id}/documents/${documentId}/seals?/seal`,
				fields: {},
				title: { key: 'pactSeals.confirm.title', params: { title: asked.title } },
				consequences: [
					{ key: 'pactSeals.confirm.fixed', params: { number: asked.next } },
					{ key: 'pactSeals.confirm.live' },
					{ key: 'pactSeals.confirm.told' }
				],
				confirmLabel: { key: 'pactSeals.confirm.yes' }
			});
		}
		const { db, collab } = await runtime();
		const sealed = await attempt(form, () =>
			sealPact({
				asPerson: locals.db,
				service: db,
				encodeState: (id) => collab.encodeState(id),
				documentId,
				userId: locals.user!.id
			})
		);
		if (!('fingerprint' in sealed)) return sealed;
		return { sealed: { id: sealed.id, number: sealed.number, short: shortFingerprint(sealed.fingerprint) } };
	}
} satisfies Actions;
