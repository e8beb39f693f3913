/**
 * A plan's monitoring report as a PDF to attach to an act: a heading with the
 * network, the document and the date, then the report's content (report.ts)
 * as the document exports write it (documents/pdf.ts), on pdfmake with the
 * fonts and the file policy of the pact's PDF; the network, the document,
 * the date and the page at the foot of every page.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { translate, type Locale } from '../i18n/translate.ts';
import { formatDateTime } from '../dates.ts';
import { blocks, clean } from '../documents/pdf.ts';
import { printer } from '../pact/export-pdf.ts';
import type { Objective } from './plan.ts';
import { reportFacts, reportFooter, reportJson, type PlanReport } from './report.ts';

const INK_SOFT = '#4a5559';
const MARGINS: [number, number, number, number] = [50, 50, 50, 56];
/** The indicators' table: its name wide, the four numbers narrow. */
const INDICATOR_WIDTHS = ['*', 70, 70, 70, 60] as const;

export function planReportDefinition(report: PlanReport, objectives: readonly Objective[], locale: Locale): TDocumentDefinitions {
	const say = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
	const footer = clean(reportFooter(report, locale));
	const head: Content[] = [
		{ text: say('planExport.reportKind').toUpperCase(), color: INK_SOFT, characterSpacing: 1, margin: [0, 0, 0, 4] },
		{ text: clean(report.title), fontSize: 20, bold: true, margin: [0, 0, 0, 8] },
		{
			table: { widths: ['auto', '*'], body: reportFacts(report, locale).map(({ label, value }) => [{ text: label, bold: true }, { text: clean(value) }]) },
			layout: 'noBorders',
			margin: [0, 0, 0, 8]
		},
		{ text: say('export.exportedAt', { date: formatDateTime(locale, report.now) }), italics: true, color: INK_SOFT, margin: [0, 0, 0, 8] }
	];
	const content = reportJson(report, objectives, locale).content ?? [];
	return {
		info: {
			title: clean(`${say('planExport.report')} – ${report.title}`),
			author: 'Trama',
			subject: clean(say('planExport.reportSubject', { title: report.title, network: report.networkName })),
			creator: 'Trama',
			producer: 'Trama (pdfmake)',
			creationDate: report.now
		},
		language: locale,
		pageSize: 'A4',
		pageMargins: MARGINS,
		defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
		footer: (page, pages) => ({
			columns: [
				{ text: footer, width: '*' },
				{ text: say('planExport.page', { page, pages }), width: 'auto', alignment: 'right' }
			],
			columnGap: 12,
			fontSize: 7,
			color: INK_SOFT,
			margin: [MARGINS[0], 24, MARGINS[2], 0]
		}),
		content: [...head, ...blocks(content, { imageNote: () => '', widths: (columns) => (columns === 5 ? [...INDICATOR_WIDTHS] : Array<'*'>(columns).fill('*')) })]
	};
}

export async function planReportPdf(report: PlanReport, objectives: readonly Objective[], locale: Locale): Promise<Uint8Array<ArrayBuffer>> {
	const buffer = await printer().createPdf(planReportDefinition(report, objectives, locale)).getBuffer();
	return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}
