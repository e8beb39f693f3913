/**
 * A plan's monitoring report as a Word file, for the offices that file their
 * acts in Word: the document export's own writer (documents/docx.ts) with the
 * report's content (report.ts), a cover with the network, the document and
 * the date, and the same line at the foot of every page as the PDF.
 */
import { toDocx } from '../documents/docx.ts';
import { formatDate } from '../dates.ts';
import { translate, type Locale } from '../i18n/translate.ts';
import type { Objective } from './plan.ts';
import { reportFacts, reportFooter, reportJson, type PlanReport } from './report.ts';

export async function planReportDocx(report: PlanReport, objectives: readonly Objective[], partners: string[], locale: Locale): Promise<Uint8Array> {
	return toDocx(reportJson(report, objectives, locale), {
		title: `${translate(locale, 'planExport.report')} – ${report.title}`,
		networkName: report.networkName,
		partners,
		versionLabel: translate(locale, 'planExport.reportVersion', { date: formatDate(locale, report.now) }),
		exportedAt: report.now,
		locale,
		coverFacts: reportFacts(report, locale).slice(1),
		footer: { text: reportFooter(report, locale), pages: translate(locale, 'planExport.page') }
	});
}
