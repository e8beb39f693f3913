import type { RequestHandler } from './$types';
import { loadPlanExport } from '$lib/server/plan/export-source';
import { planReport } from '$lib/plan/report';
import { planReportPdf } from '$lib/plan/report-pdf';
import { downloadHeaders } from '$lib/documents/download';
import { translate } from '$lib/i18n/translate';

// The plan's monitoring report as a PDF, to attach to a public body's act.
export const GET: RequestHandler = async (event) => {
	const source = await loadPlanExport(event);
	const file = await planReportPdf(planReport(source, source.locale), source.objectives, source.locale);
	const name = `${translate(source.locale, 'planExport.report')} – ${source.title}`;
	return new Response(file, { headers: downloadHeaders(name, 'pdf', 'application/pdf') });
};
