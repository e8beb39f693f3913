import type { RequestHandler } from './$types';
import { loadPlanExport } from '$lib/server/plan/export-source';
import { planTableOf } from '$lib/plan/report';
import { planToCsv } from '$lib/plan/export-csv';
import { downloadHeaders } from '$lib/documents/download';

// The plan, one row per action with where it stands, as a CSV file for a spreadsheet.
export const GET: RequestHandler = async (event) => {
	const source = await loadPlanExport(event);
	return new Response(planToCsv(planTableOf(source, source.locale)), {
		headers: downloadHeaders(source.title, 'csv', 'text/csv; charset=utf-8')
	});
};
