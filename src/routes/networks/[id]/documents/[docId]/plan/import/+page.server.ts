import { randomUUID } from 'node:crypto';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/guards';
import { runtime } from '$lib/server/runtime';
import { openDocument } from '$lib/server/documents/queries';
import { listPartners } from '$lib/server/networks/partners';
import { readPlan } from '$lib/server/plan/queries';
import { importPlan, mayWritePlan, PlanImportRefused } from '$lib/server/plan/import';
import { analysePlanCsv, PLAN_IMPORT_LIMITS } from '$lib/plan/import';
import { decodeBytes } from '$lib/map/import/decode';
import type { Message } from '$lib/map/import/problems';
import type { Queryable } from '$lib/server/db/types';
import { isUuid } from '$lib/uuid';

// Importing a plan from a CSV file, in two steps that work without
// JavaScript: the file is read and every bad row shown (nothing is saved),
// then the good rows are imported on the person's word. The text read
// travels back with the second form, so the file is not chosen twice.

async function openCoDesign(tx: Queryable, networkId: string, documentId: string) {
	const doc = isUuid(documentId) ? await openDocument(tx, networkId, documentId) : null;
	if (!doc) error(404, 'documents.notFound');
	if (doc.kind !== 'co_design') error(404, 'planImport.error.notCoDesign');
	return doc;
}

export const load = (async (event) => {
	requireUser(event);
	await event.parent();
	const { locals, params } = event;
	return locals.db(async (tx) => {
		const doc = await openCoDesign(tx, params.id, params.docId);
		const plan = await readPlan(tx, doc.id);
		return {
			doc,
			mayWrite: await mayWritePlan(tx, doc.id),
			count: { actions: plan.actions.length, objectives: plan.objectives.length }
		};
	});
}) satisfies PageServerLoad;

const refuse = (status: number, message: Message) => fail(status, { message });

/** The file's text, or why it is not one to read. */
async function fileText(form: FormData): Promise<{ name: string; text: string } | { error: Message }> {
	const file = form.get('file');
	if (!(file instanceof File) || !file.name) return { error: { code: 'planImport.error.noFile' } };
	if (file.size > PLAN_IMPORT_LIMITS.bytes) {
		return { error: { code: 'planImport.file.too_big', params: { size: Math.ceil(file.size / 1024), limit: PLAN_IMPORT_LIMITS.bytes / 1024 } } };
	}
	const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()));
	if (decoded.text === null) return { error: { code: decoded.reason === 'empty' ? 'planImport.file.empty' : 'planImport.file.binary' } };
	return { name: file.name, text: decoded.text };
}

async function preview(event: RequestEvent) {
	requireUser(event);
	const read = await fileText(await event.request.formData());
	if ('error' in read) return refuse(400, read.error);
	const { locals, params } = event;
	const known = await locals.db(async (tx) => {
		const doc = await openCoDesign(tx, params.id, params.docId);
		return { partners: await listPartners(tx, params.id), objectives: (await readPlan(tx, doc.id)).objectives };
	});
	const plan = analysePlanCsv(read.text, known, randomUUID);
	if ('error' in plan) return refuse(400, plan.error);
	return {
		preview: {
			file: read.name,
			text: read.text,
			rows: plan.rows,
			good: plan.actions.length,
			bad: new Set(plan.problems.map((problem) => problem.row)).size,
			objectives: plan.objectives.length,
			ignored: plan.ignored,
			problems: plan.problems
		}
	};
}

export const actions = {
	preview,
	import: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const text = form.get('text');
		const file = String(form.get('file') ?? '');
		if (typeof text !== 'string' || !text || text.length > PLAN_IMPORT_LIMITS.bytes) return refuse(400, { code: 'planImport.error.changed' });
		const { params, locals } = event;
		await locals.db((tx) => openCoDesign(tx, params.id, params.docId));
		try {
			const imported = await importPlan(locals.db, (await runtime()).collab, user.id, params.id, params.docId, text);
			if ('error' in imported) return refuse(400, imported.error);
			return { imported: { ...imported, file } };
		} catch (caught) {
			if (caught instanceof PlanImportRefused) return refuse(403, { code: 'planImport.error.refused' });
			throw caught;
		}
	}
} satisfies Actions;
