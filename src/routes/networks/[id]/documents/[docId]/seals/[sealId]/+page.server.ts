import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, parseForm, refuse } from '$lib/server/forms';
import { isUuid } from '$lib/uuid';
import { loadSeal } from '$lib/server/pact/seals';
import {
	adhere,
	adhesionFiles,
	loadRegister,
	partnerSpokenFor,
	remindPending,
	withdraw
} from '$lib/server/pact/adhesions';
import { adhesionInput, adhesionSchema, withdrawalSchema } from '$lib/server/pact/schemas';
import { toHtml } from '$lib/documents/html';
import { checkAdhesionDocument } from '$lib/server/pact/signed-adhesion';
import { runtime } from '$lib/server/runtime';

export const load = (async ({ locals, params, parent }) => {
	await parent();
	if (!isUuid(params.docId) || !isUuid(params.sealId)) error(404, 'pactSeals.notFound');
	return locals.db(async (tx) => {
		const seal = await loadSeal(tx, params.id, params.docId, params.sealId);
		if (!seal) error(404, 'pactSeals.notFound');
		const speaksFor = await partnerSpokenFor(tx, params.id);
		const { json, ...sealed } = seal;
		return {
			seal: sealed,
			html: toHtml(json, { scrollingTables: true }),
			register: await loadRegister(tx, seal.id),
			speaksFor,
			// Only someone who can adhere is offered the network's files.
			files: speaksFor ? await adhesionFiles(tx, params.id) : []
		};
	});
}) satisfies PageServerLoad;

type Event = Parameters<Actions[string]>[0];

/** The route's ids, or the refusal that keeps what was typed. */
function sealOf(params: Event['params'], form: FormData) {
	const { id, sealId } = params as { id: string; sealId: string };
	return isUuid(sealId) ? { networkId: id, sealId } : refuse(404, form, 'pactSeals.notFound');
}

export const actions = {
	adhere: async ({ request, locals, params }) => {
		const form = await request.formData();
		const seal = sealOf(params, form);
		if (!('sealId' in seal)) return seal;
		const { data, failure } = parseForm(adhesionSchema, form);
		if (failure) return failure;
		const input = adhesionInput(data);
		const kept = await attempt(form, () => locals.db((tx) => adhere(tx, seal.networkId, seal.sealId, input)));
		if (typeof kept !== 'string') return kept;
		if (input.fileId) {
			const { db, fileStore } = await runtime();
			await checkAdhesionDocument(db, fileStore, kept);
		}
		return { adhered: true };
	},
	withdraw: async ({ request, locals, params }) => {
		const form = await request.formData();
		const seal = sealOf(params, form);
		if (!('sealId' in seal)) return seal;
		const { data, failure } = parseForm(withdrawalSchema, form);
		if (failure) return failure;
		const kept = await attempt(form, () =>
			locals.db((tx) => withdraw(tx, seal.networkId, seal.sealId, data.partner, data.reason))
		);
		if (typeof kept !== 'string') return kept;
		return { withdrawn: true };
	},
	remind: async ({ request, locals, params }) => {
		const form = await request.formData();
		const seal = sealOf(params, form);
		if (!('sealId' in seal)) return seal;
		const told = await attempt(form, () => locals.db((tx) => remindPending(tx, seal.sealId)));
		if (typeof told !== 'number') return told;
		return { reminded: told };
	}
} satisfies Actions;
