/**
 * A sealed version of a community pact as the PDF its partners sign: a
 * cover with the full SHA-256 fingerprint, the sealed text, the commitments
 * table on landscape pages, a signature page, and the adhesion register as it
 * stands when exported; the fingerprint and the page number at the foot of
 * every page. Its Keywords carry the fingerprint marker by which a signed
 * copy is recognised (src/lib/pact/signature.ts).
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { translate, type Locale, type MessageKey } from '../i18n/translate.ts';
import { formatDateTime } from '../dates.ts';
import { blocks, clean, type PdfContext } from '../documents/pdf.ts';
import { commitmentsSection } from '../documents/commitments-table.ts';
import { footerLine, registerSection, sealedFacts, sealedVersionLabel, signatureSection } from './sealed-parts.ts';
import { fingerprintMarker } from './fingerprint-marker.ts';
import type { RegisterLine, SealedPact } from './sealed.ts';

export interface SealedExportOptions {
	/** When the export is made: the register is as of then. */
	now?: Date;
}

/**
 * Roboto as pdfmake ships it: a TrueType font with the Latin, Greek and
 * Cyrillic letters, the euro sign and typographic punctuation that Italian
 * text and people's names need (the PDF standard fonts have no €, and only
 * Latin-1). Read from disk by path, the only files pdfmake may open.
 */
const require = createRequire(import.meta.url);
const roboto = (style: string) => require.resolve(`pdfmake/fonts/Roboto/Roboto-${style}.ttf`);
const FONTS: TFontDictionary = {
	Roboto: { normal: roboto('Regular'), bold: roboto('Medium'), italics: roboto('Italic'), bolditalics: roboto('MediumItalic') }
};
const FONT_FILES = new Set(Object.values(FONTS.Roboto));

let configured = false;
/** pdfmake is one shared instance: it gets the fonts once, and may fetch no URL and open no file but them (the plan's report uses it too). */
export function printer(): typeof pdfmake {
	if (!configured) {
		pdfmake.setFonts(FONTS);
		pdfmake.setUrlAccessPolicy(() => false);
		pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));
		configured = true;
	}
	return pdfmake;
}

const INK_SOFT = '#4a5559';
/** Margins of every page, in points: room at the foot for the fingerprint line. */
const MARGINS: [number, number, number, number] = [50, 50, 50, 56];
/** Widths of the commitments' columns on a landscape A4 page (742 points between the margins). */
const COMMITMENT_WIDTHS = [82, '*', 60, 100, 76, 90, 90] as const;
const REGISTER_WIDTHS = [112, 80, 100, 56, 100, '*', 140] as const;

const newPage = (orientation: 'portrait' | 'landscape'): Content => ({ text: '', pageBreak: 'before', pageOrientation: orientation });

function cover(pact: SealedPact, locale: Locale, now: Date): Content[] {
	const say = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
	const facts = [
		{ label: say('export.network'), value: pact.networkName },
		{ label: say('export.version'), value: sealedVersionLabel(pact, locale) },
		...sealedFacts(pact, locale)
	];
	return [
		{ text: say('pactExport.kind').toUpperCase(), color: INK_SOFT, characterSpacing: 1, margin: [0, 120, 0, 6] },
		{ text: clean(pact.title), fontSize: 24, bold: true, margin: [0, 0, 0, 8] },
		{ text: sealedVersionLabel(pact, locale), fontSize: 14, margin: [0, 0, 0, 36] },
		{
			table: {
				widths: ['auto', '*'],
				body: facts.map(({ label, value }) => [
					{ text: label, bold: true },
					// The fingerprint is one unbroken line, so it can be read out and searched for whole.
					{ text: clean(value), ...(value === pact.fingerprint && { fontSize: 10.5, noWrap: true }) }
				])
			},
			layout: 'noBorders',
			margin: [0, 0, 0, 16]
		},
		{ text: say('pactExport.fingerprintNote'), italics: true, color: INK_SOFT, margin: [0, 0, 0, 24] },
		{ text: say('export.exportedAt', { date: formatDateTime(locale, now) }), italics: true, color: INK_SOFT }
	];
}

/** The sealed commitments on landscape pages, where their seven columns have room; a note when there are none. */
function commitments(pact: SealedPact, locale: Locale, context: PdfContext): Content[] {
	const section = commitmentsSection(pact.commitments, pact.partners, pact.entryNames, locale);
	if (!section.length) {
		return [{ text: translate(locale, 'pactExport.noCommitments'), italics: true, margin: [0, 12, 0, 0] }];
	}
	return [newPage('landscape'), ...blocks(section, { ...context, widths: () => [...COMMITMENT_WIDTHS] })];
}

function signatures(pact: SealedPact, locale: Locale, context: PdfContext): Content[] {
	const section = signatureSection(pact, locale);
	return [
		newPage('portrait'),
		...blocks([section.heading, section.intro], context),
		// A partner's block is never split between two pages: its signatory signs where its name is.
		...section.blocks.map((block): Content => ({ stack: blocks(block, context), unbreakable: true, margin: [0, 6, 0, 10] }))
	];
}

/** The PDF's definition: pure data, so that the layout can be inspected without rendering it. */
export function sealedPactDefinition(pact: SealedPact, register: RegisterLine[], locale: Locale, { now = new Date() }: SealedExportOptions = {}): TDocumentDefinitions {
	const context: PdfContext = {
		imageNote: (alt) =>
			alt ? translate(locale, 'pactExport.imageLeftOut', { alt }) : translate(locale, 'pactExport.imageLeftOutNoAlt')
	};
	const footer = footerLine(pact, locale);
	return {
		info: {
			title: clean(`${pact.title} – ${sealedVersionLabel(pact, locale)}`),
			author: 'Trama',
			subject: clean(translate(locale, 'pactExport.subject', { network: pact.networkName, number: pact.number })),
			keywords: fingerprintMarker(pact.fingerprint),
			creator: 'Trama',
			producer: 'Trama (pdfmake)',
			creationDate: now
		},
		language: locale,
		pageSize: 'A4',
		pageMargins: MARGINS,
		defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
		footer: (page, pages) => ({
			columns: [
				{ text: footer, width: '*' },
				{ text: translate(locale, 'pactExport.page', { page, pages }), width: 'auto', alignment: 'right' }
			],
			columnGap: 12,
			fontSize: 6.5,
			color: INK_SOFT,
			margin: [MARGINS[0], 24, MARGINS[2], 0]
		}),
		content: [
			...cover(pact, locale, now),
			{ text: clean(pact.title), fontSize: 20, bold: true, pageBreak: 'before', margin: [0, 0, 0, 10] },
			...blocks(pact.json.content ?? [], context),
			...commitments(pact, locale, context),
			...signatures(pact, locale, context),
			newPage('landscape'),
			...blocks(registerSection(register, locale, now), { ...context, widths: () => [...REGISTER_WIDTHS] })
		]
	};
}

export async function sealedPactPdf(pact: SealedPact, register: RegisterLine[], locale: Locale, options: SealedExportOptions = {}): Promise<Uint8Array> {
	const buffer = await printer().createPdf(sealedPactDefinition(pact, register, locale, options)).getBuffer();
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
