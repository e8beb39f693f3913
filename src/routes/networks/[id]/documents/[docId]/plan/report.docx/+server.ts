import type { RequestHandler } from './$types';
import { loadPlanExport } from '$lib/server/plan/export-source';
import { planReport } from '$lib/plan/report';
import { planReportDocx } from '$lib/plan/report-docx';
import { downloadHeaders } from '$lib/documents/download';
import { translate } from '$lib/i18n/translate';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// The plan's monitoring report as a Word file, to attach to a public body's act.
export const GET: RequestHandler = async (event) => {
	const source = await loadPlanExport(event);
	const partners = [...source.partners.values()].sort((a, b) => a.localeCompare(b, source.locale));
	const file = await planReportDocx(planReport(source, source.locale), source.objectives, partners, source.locale);
	const name = `${translate(source.locale, 'planExport.report')} – ${source.title}`;
	return new Response(file as Uint8Array<ArrayBuffer>, { headers: downloadHeaders(name, 'docx', DOCX) });
};
