/**
 * What a plan's exports and monitoring report need for one request: the
 * network, the co-design document, its partners, its plan and the follow-up
 * of its actions, all read as the person so that RLS decides; refused as the
 * document's other exports are.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { networkAccess, requireUser } from '$lib/server/guards';
import type { Network } from '$lib/server/networks/networks';
import type { DocumentDetail } from '$lib/server/documents/queries';
import { readPlanExport } from '$lib/server/plan/export-data';
import type { Locale } from '$lib/i18n/translate';
import { isUuid } from '$lib/uuid';
import { runtime } from '$lib/server/runtime';
import type { PlanReportSource } from '$lib/plan/report';
import { romeDay } from '$lib/plan/report';

export interface PlanExportSource extends PlanReportSource {
	network: Network;
	document: DocumentDetail;
	locale: Locale;
}

type Event = Pick<RequestEvent<{ id: string; docId: string }>, 'locals' | 'params' | 'url'>;

export async function loadPlanExport(event: Event): Promise<PlanExportSource> {
	const user = requireUser(event);
	const { id, docId } = event.params;
	if (!isUuid(id)) error(404, 'errors.network_not_found');
	if (!isUuid(docId)) error(404, 'documents.notFound');
	// An action written a moment ago is in the file too; only a document already open is touched.
	await (await runtime()).collab.project(docId);

	const access = await networkAccess(event, id, user.id);
	if (access.status === 'missing') error(404, 'errors.network_not_found');
	if (access.status === 'forbidden') error(403, 'errors.network_forbidden');
	const found = await event.locals.db((tx) => readPlanExport(tx, id, docId));
	if (!found) error(404, 'documents.notFound');
	const now = new Date();
	return {
		network: access.network,
		document: found.document,
		locale: event.locals.locale,
		networkName: access.network.name,
		title: found.document.title,
		objectives: found.objectives,
		actions: found.actions,
		updates: found.updates,
		verifications: found.verifications,
		partners: found.partners,
		now,
		today: romeDay(now)
	};
}
