import type { RequestHandler } from './$types';
import { loadPlanExport } from '$lib/server/plan/export-source';
import { planTableOf } from '$lib/plan/report';
import { planToXlsx } from '$lib/plan/export-xlsx';
import { downloadHeaders } from '$lib/documents/download';
import { translate } from '$lib/i18n/translate';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The plan, one row per action with where it stands, as an Excel workbook.
export const GET: RequestHandler = async (event) => {
	const source = await loadPlanExport(event);
	const file = await planToXlsx(planTableOf(source, source.locale), translate(source.locale, 'planExport.sheet'), source.title);
	return new Response(file, { headers: downloadHeaders(source.title, 'xlsx', XLSX) });
};
