// "Sigilla per l'adesione", the form action of both the pact's own page and
// its sealed versions' page: who may seal is asked first, then the question
// (sealing cannot be taken back), then the seal; the person lands on the
// sealed version, its fingerprint and its register.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { attempt, refuse } from '../forms.ts';
import { isUuid } from '../../uuid.ts';
import { isConfirmed } from '../../confirmation.ts';
import { askFirst } from '../confirmations/ask.ts';
import { runtime } from '../runtime.ts';
import { sealPath } from '../../pact/paths.ts';
import { listSeals, sealingContext, sealPact } from './seals.ts';

export async function sealAction({ request, locals, params }: RequestEvent<{ id: string; docId: string }>) {
	const form = await request.formData();
	const { id: networkId, docId: documentId } = params;
	if (!isUuid(documentId)) return refuse(404, form, 'documents.notFound');
	// Asked before the question, so a refusal is said at once.
	const asked = await attempt(form, () =>
		locals.db(async (tx) => {
			const context = await sealingContext(tx, documentId);
			if (context.networkId !== networkId) return null;
			return { title: context.title, next: (await listSeals(tx, documentId)).length + 1 };
		})
	);
	if (asked === null) return refuse(404, form, 'errors.seal_not_found');
	if (!('next' in asked)) return asked;
	if (!isConfirmed(form)) {
		return askFirst({
			action: '?/seal',
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
		sealPact({ asPerson: locals.db, service: db, encodeState: (id) => collab.encodeState(id), documentId, userId: locals.user!.id })
	);
	if (!('fingerprint' in sealed)) return sealed;
	redirect(303, `${sealPath(`/networks/${networkId}`, documentId, sealed.id)}?sealed`);
}
