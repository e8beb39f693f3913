import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { isUuid } from '$lib/uuid';
import { romeDay } from '$lib/activity/days';
import { openDocument } from '$lib/server/documents/queries';
import { listPartners } from '$lib/server/networks/partners';
import { readPlan } from '$lib/server/plan/queries';
import { listProgress, listVerifications } from '$lib/server/plan/follow-up';
import { actionStates } from '$lib/plan/rollup';
import { monitoring } from '$lib/plan/monitoring';

// Where a co-design plan stands, as last projected into SQL and followed up
// there, read as the person (RLS decides) and rolled up as of today in Rome:
// the same rules the reminders apply (send_plan_reminders).
export const load = (async ({ locals, params, parent }) => {
	await parent();
	if (!isUuid(params.docId)) error(404, 'documents.notFound');
	const found = await locals.db(async (tx) => {
		const doc = await openDocument(tx, params.id, params.docId);
		if (!doc || doc.kind !== 'co_design') return null;
		const [plan, updates, verifications, partners] = await Promise.all([
			readPlan(tx, doc.id),
			listProgress(tx, doc.id),
			listVerifications(tx, doc.id),
			listPartners(tx, params.id)
		]);
		return { doc, plan, updates, verifications, partners };
	});
	if (!found) error(404, 'documents.notFound');
	const today = romeDay(new Date());
	const { doc, plan, updates, verifications, partners } = found;
	return {
		doc,
		today,
		monitoring: monitoring(plan.objectives, actionStates(plan.actions, updates, verifications, today)),
		partnerNames: Object.fromEntries(partners.map((partner) => [partner.id, partner.name]))
	};
}) satisfies PageServerLoad;
