/**
 * A document as a Word file: a cover page (title, network, partners, version)
 * and then the content with Word's own heading, list and quote styles, so the
 * file keeps its outline and stays editable by partners who work in Word.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	ExternalHyperlink,
	Footer,
	HeadingLevel,
	ImageRun,
	LevelFormat,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	WidthType,
	type IParagraphOptions,
	type ISectionOptions,
	type NumberingDefinition,
	type ParagraphChild
} from 'docx';
import { hasMark, headingLevel, intAttr, markOf, readDoc, unsupported, type DocNode } from './json.ts';
import { safeHref } from './links.ts';
import { imageAlt, imageFileId, imageTitle } from './images.ts';
import { translate, type Locale } from '../i18n/translate.ts';
import { formatDateTime } from '../dates.ts';
import type { ImageSize } from '../files/image-size.ts';
import { CELL_PADDING, FONT, INDENT, MONOSPACE, TWIPS_PER_PIXEL, cellExtent } from './docx-measure.ts';
import { columnExtents, planTable, tableGrid, type ColumnGroup, type Grid, type GridCell, type TablePlan } from './table-layout.ts';

/** An image's bytes, as Word holds them. */
export interface DocxImage extends ImageSize {
	data: Uint8Array;
}

export interface DocxMeta {
	title: string;
	networkName: string;
	partners: string[];
	versionLabel: string;
	exportedAt: Date;
	locale: Locale;
	/**
	 * The bytes of the images the person exporting may see, by file id
	 * (src/lib/server/documents/images.ts reads them as that person). Any
	 * other image is written as a note with its alternative text.
	 */
	images?: ReadonlyMap<string, DocxImage>;
	/** More facts for the cover, after the version (a sealed pact's date, sealer and fingerprint). */
	coverFacts?: { label: string; value: string }[];
	/**
	 * A line at the foot of every page, and where the page numbers go:
	 * `pages` is a template with {page} and {pages} ("Pagina {page} di {pages}").
	 */
	footer?: { text: string; pages: string };
	/** Documents that follow the content, each from a new page (a sealed pact's signature page and register). */
	appendices?: unknown[];
}

/** Where a block sits: how deep in lists, inside a quote, in a header cell. */
interface Context {
	listDepth: number;
	quote: boolean;
	header: boolean;
	/** A new number for each ordered list, so each counts from its own start. */
	nextList: () => number;
	/** The widest and tallest an image may be here, in pixels at 96 to the inch. */
	imageWidth: number;
	imageHeight: number;
	images: ReadonlyMap<string, DocxImage>;
	locale: Locale;
}
const HEADINGS = [
	HeadingLevel.HEADING_1,
	HeadingLevel.HEADING_2,
	HeadingLevel.HEADING_3,
	HeadingLevel.HEADING_4,
	HeadingLevel.HEADING_5,
	HeadingLevel.HEADING_6
];
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C' } as const;
/** An A4 page's text area with Word's default margins, in pixels at 96 to the inch: no image is larger. */
const PAGE = { width: 600, height: 900 };
/** The same area on a landscape page, where the tables too wide for the portrait one go. */
const LANDSCAPE = { width: 930, height: 600 };

/**
 * Characters XML 1.0 cannot carry at all: one of them in document.xml and
 * Word refuses to open the file, so control characters are dropped and lone
 * surrogates become U+FFFD rather than being escaped.
 */
const clean = (text: string) => text.toWellFormed().replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

function runs(nodes: DocNode[], context: Context): ParagraphChild[] {
	return nodes.map((node) => {
		if (node.type === 'hardBreak') return new TextRun({ break: 1 });
		if (node.type !== 'text') throw unsupported(node);
		const href = safeHref(markOf(node, 'link')?.attrs?.href);
		const run = new TextRun({
			text: clean(node.text ?? ''),
			bold: context.header || hasMark(node, 'bold'),
			italics: hasMark(node, 'italic'),
			strike: hasMark(node, 'strike'),
			underline: hasMark(node, 'underline') ? {} : undefined,
			font: hasMark(node, 'code') ? MONOSPACE : undefined,
			style: href ? 'Hyperlink' : undefined
		});
		return href ? new ExternalHyperlink({ link: href, children: [run] }) : run;
	});
}

/** One numbering definition per starting number, nine levels deep as Word allows. */
function ordered(start: number): NumberingDefinition {
	return {
		reference: `ordered-from-${start}`,
		levels: Array.from({ length: 9 }, (_, level) => ({
			level,
			format: LevelFormat.DECIMAL,
			text: `%${level + 1}.`,
			alignment: AlignmentType.START,
			start: level === 0 ? start : 1,
			style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: 360 } } }
		}))
	};
}

function list(node: DocNode, context: Context): (Paragraph | Table)[] {
	const level = Math.min(context.listDepth, 8);
	const inner = { ...context, listDepth: context.listDepth + 1 };
	const marker: IParagraphOptions =
		node.type === 'orderedList'
			? { numbering: { reference: ordered(intAttr(node, 'start', 1)), level, instance: context.nextList() } }
			: { bullet: { level } };
	return (node.content ?? []).flatMap((item) => {
		if (item.type !== 'listItem') throw unsupported(item);
		return (item.content ?? []).flatMap((child, i) => {
			if (i === 0 && child.type === 'paragraph') return [new Paragraph({ ...marker, children: runs(child.content ?? [], context) })];
			// Later paragraphs of an item line up under its text, without a marker of their own.
			if (child.type === 'paragraph') {
				return [new Paragraph({ indent: { left: INDENT * (level + 1) }, children: runs(child.content ?? [], context) })];
			}
			return blocks([child], inner);
		});
	});
}

/** A cell's extent, with the images the export will draw at their own width. */
const measure = (context: Context) => (cell: GridCell) =>
	cellExtent(cell.node, (image) => context.images.get(imageFileId(image.attrs) ?? '')?.width ?? 0);

/**
 * A table as one or more Word tables, laid out by `plan` (by default, within
 * the width the context leaves): each column as wide as its widest word at
 * least, so that no word is cut in two, in a fixed layout so that Word and
 * LibreOffice draw the widths measured rather than their own guesses.
 */
function table(node: DocNode, context: Context, plan?: TablePlan): (Paragraph | Table)[] {
	const grid = tableGrid(node);
	const layout = plan ?? planTable(columnExtents(grid, measure(context)), { portrait: context.imageWidth * TWIPS_PER_PIXEL });
	// Word joins two tables with nothing between into one: each group after the first follows an empty paragraph.
	return layout.groups.flatMap((group, i) => [...(i > 0 ? [new Paragraph({})] : []), columnGroup(grid, group, context)]);
}

/** The grid's columns of one group as a Word table; a cell spanning into other groups keeps its text in each. */
function columnGroup(grid: Grid, group: ColumnGroup, context: Context): Table {
	const widthOf = new Map(group.columns.map((column, i) => [column, group.widths[i]]));
	const rows = grid.rows.map((cells, r) => {
		const owner = new Map(cells.flatMap((cell) => Array.from({ length: cell.colspan }, (_, i) => [cell.column + i, cell] as const)));
		const written = new Set<GridCell>();
		const row: TableCell[] = [];
		for (const column of group.columns) {
			const cell = owner.get(column);
			if (cell && !written.has(cell)) {
				written.add(cell);
				const spanned = group.columns.filter((c) => c >= cell.column && c < cell.column + cell.colspan);
				const width = spanned.reduce((sum, c) => sum + widthOf.get(c)!, 0);
				const header = cell.node.type === 'tableHeader';
				const imageWidth = Math.max(1, Math.floor((width - CELL_PADDING) / TWIPS_PER_PIXEL));
				const content = blocks(cell.node.content ?? [], { ...context, listDepth: 0, header, imageWidth });
				// Word requires every cell to end with a paragraph.
				if (!(content.at(-1) instanceof Paragraph)) content.push(new Paragraph({}));
				row.push(
					new TableCell({
						children: content,
						columnSpan: spanned.length,
						rowSpan: cell.rowspan,
						width: { size: width, type: WidthType.DXA },
						shading: header ? { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } : undefined
					})
				);
			} else if (!grid.taken[r][column]) {
				// A row shorter than the table is filled out: Word draws ragged rows as a broken grid.
				row.push(new TableCell({ children: [new Paragraph({})], width: { size: widthOf.get(column)!, type: WidthType.DXA } }));
			}
			// Otherwise a cell from a row above spans down here, and the docx package writes its continuation.
		}
		// A header row is repeated at the top of every page the table runs onto.
		const header = r === 0 && cells.length > 0 && cells.every((cell) => cell.node.type === 'tableHeader');
		return new TableRow({ children: row, tableHeader: header, cantSplit: true });
	});
	return new Table({
		rows,
		width: { size: group.widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
		columnWidths: group.widths,
		layout: TableLayoutType.FIXED,
		borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE }
	});
}

/**
 * An image the person may see, at its own size or shrunk to fit the page,
 * with its alternative text for screen readers; any other, a note in italic
 * saying which image is missing.
 */
function image(node: DocNode, context: Context): Paragraph {
	const alt = clean(imageAlt(node));
	const fileId = imageFileId(node.attrs);
	const found = fileId ? context.images.get(fileId) : undefined;
	if (!found) {
		const note = alt
			? translate(context.locale, 'docImages.exportMissing', { alt })
			: translate(context.locale, 'docImages.exportMissingNoAlt');
		return new Paragraph({ children: [new TextRun({ text: note, italics: true })] });
	}
	const scale = Math.min(1, context.imageWidth / found.width, context.imageHeight / found.height);
	const title = imageTitle(node);
	return new Paragraph({
		children: [
			new ImageRun({
				type: found.type,
				data: found.data,
				transformation: {
					width: Math.max(1, Math.round(found.width * scale)),
					height: Math.max(1, Math.round(found.height * scale))
				},
				altText: { description: alt, ...(title && { title: clean(title) }) }
			})
		]
	});
}

function blocks(nodes: DocNode[], context: Context): (Paragraph | Table)[] {
	const quote = context.quote ? { style: 'Quote' } : {};
	return nodes.flatMap((node): (Paragraph | Table)[] => {
		switch (node.type) {
			case 'paragraph':
				return [new Paragraph({ ...quote, children: runs(node.content ?? [], context) })];
			case 'heading':
				return [new Paragraph({ heading: HEADINGS[headingLevel(node) - 1], children: runs(node.content ?? [], context) })];
			case 'blockquote':
				return blocks(node.content ?? [], { ...context, quote: true });
			case 'bulletList':
			case 'orderedList':
				return list(node, context);
			case 'codeBlock': {
				const lines = clean((node.content ?? []).map((c) => c.text ?? '').join('')).split('\n');
				const children = lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
				return [new Paragraph({ style: 'CodeBlock', children })];
			}
			case 'horizontalRule':
				return [new Paragraph({ border: { bottom: { ...LINE, space: 1 } } })];
			case 'table':
				return table(node, context);
			case 'image':
				return [image(node, context)];
			default:
				throw unsupported(node);
		}
	});
}

function cover(meta: DocxMeta): Paragraph[] {
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(meta.locale, key, params);
	const field = (label: string, value: string) =>
		new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(clean(value))] });
	return [
		new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400, after: 480 }, children: [new TextRun(clean(meta.title))] }),
		field(t('export.network'), meta.networkName),
		field(t('export.version'), meta.versionLabel),
		...(meta.coverFacts ?? []).map(({ label, value }) => field(label, value)),
		new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: t('export.partners'), bold: true })] }),
		...(meta.partners.length
			? meta.partners.map((name) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(clean(name))] }))
			: [new Paragraph({ children: [new TextRun({ text: t('export.noPartners'), italics: true })] })]),
		new Paragraph({
			spacing: { before: 480 },
			children: [new TextRun({ text: t('export.exportedAt', { date: formatDateTime(meta.locale, meta.exportedAt) }), italics: true })]
		})
	];
}

/**
 * The content as sections: portrait pages, and a landscape section for each
 * table whose words do not fit across a portrait page, with the heading just
 * before it so that the two are not parted by the page turn.
 */
function sections(nodes: DocNode[], context: Context): ISectionOptions[] {
	const found: ISectionOptions[] = [];
	let portrait: (Paragraph | Table)[] = [];
	nodes.forEach((node, i) => {
		if (node.type === 'table') {
			const extents = columnExtents(tableGrid(node), measure(context));
			const plan = planTable(extents, { portrait: PAGE.width * TWIPS_PER_PIXEL, landscape: LANDSCAPE.width * TWIPS_PER_PIXEL });
			if (plan.landscape) {
				// LibreOffice drops the page break, and the landscape page with it, before a section that opens
				// with a table: the section opens with the table's heading, or else with an empty paragraph.
				const heading = nodes[i - 1]?.type === 'heading' ? portrait.splice(-1) : [new Paragraph({})];
				if (portrait.length) found.push({ children: portrait });
				portrait = [];
				const wide = { ...context, imageWidth: LANDSCAPE.width, imageHeight: LANDSCAPE.height };
				found.push({ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children: [...heading, ...table(node, wide, plan)] });
				return;
			}
		}
		portrait.push(...blocks([node], context));
	});
	if (portrait.length || !found.length) found.push({ children: portrait.length ? portrait : [new Paragraph({})] });
	return found;
}

const PAGE_FIELDS: Record<string, (typeof PageNumber)[keyof typeof PageNumber]> = { '{page}': PageNumber.CURRENT, '{pages}': PageNumber.TOTAL_PAGES };

/** The footer's paragraph, small: its line, then Word's own page fields in the words of `pages`. */
function footer({ text, pages }: NonNullable<DocxMeta['footer']>): Footer {
	const run = (part: string) =>
		PAGE_FIELDS[part] ? new TextRun({ children: [PAGE_FIELDS[part]], size: 14 }) : new TextRun({ text: clean(part), size: 14 });
	const numbering = pages.split(/(\{pages?\})/).filter(Boolean).map(run);
	return new Footer({ children: [new Paragraph({ children: [run(`${text}    `), ...numbering] })] });
}

export async function toDocx(json: unknown, meta: DocxMeta): Promise<Uint8Array<ArrayBuffer>> {
	let lists = 0;
	const context: Context = {
		listDepth: 0,
		quote: false,
		header: false,
		nextList: () => ++lists,
		imageWidth: PAGE.width,
		imageHeight: PAGE.height,
		images: meta.images ?? new Map(),
		locale: meta.locale
	};
	// Each appendix begins its own sections, and so a new page.
	const content = [json, ...(meta.appendices ?? [])].flatMap((part) => sections(readDoc(part).content ?? [], context));
	// A footer belongs to its section: each section gets its own.
	const withFooter = (section: ISectionOptions): ISectionOptions =>
		meta.footer ? { ...section, footers: { default: footer(meta.footer) } } : section;
	const document = new Document({
		title: clean(meta.title),
		creator: 'Trama',
		styles: {
			// Named rather than left to each reader, so that the tables' measures hold in Word and LibreOffice alike.
			default: { document: { run: { font: FONT.name, size: FONT.size * 2 } } },
			paragraphStyles: [
				{
					id: 'Quote',
					name: 'Quote',
					basedOn: 'Normal',
					quickFormat: true,
					run: { italics: true, color: '4A5559' },
					paragraph: { indent: { left: INDENT }, border: { left: { ...LINE, size: 12, space: 8 } } }
				},
				{
					id: 'CodeBlock',
					name: 'Code Block',
					basedOn: 'Normal',
					run: { font: MONOSPACE, size: 20 },
					paragraph: { shading: { type: ShadingType.CLEAR, fill: 'F3F3F3', color: 'auto' } }
				}
			]
		},
		// The content starts on its own page: a new section begins a new page.
		sections: [{ children: cover(meta) }, ...content].map(withFooter)
	});
	return new Uint8Array(await Packer.toArrayBuffer(document));
}
