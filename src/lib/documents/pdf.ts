/**
 * A document's ProseMirror JSON as pdfmake content: headings, paragraphs
 * with their marks and safe links, lists, quotes, code and tables (spans
 * kept), as the other exports write them. Images are not embedded: each
 * leaves a note with its alternative text, so the reader knows one was there.
 * The caller owns the page (cover, footer, fonts); this module only walks.
 */
// With its file name, which the bench's Node-style module resolution (bench/tsconfig.json) asks for.
import type { Content, ContentText, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import { hasMark, headingLevel, intAttr, markOf, unsupported, type DocNode } from './json.ts';
import { safeHref } from './links.ts';
import { imageAlt } from './images.ts';
import { tableGrid } from './table-layout.ts';

export interface PdfContext {
	/** The note written where an image was, given its alternative text ('' when it has none). */
	imageNote: (alt: string) => string;
	/** Column widths of a table, in points or '*'; each column shares the width equally by default. */
	widths?: (columns: number) => (number | '*')[];
}

/** Sizes of the six heading levels, in points; the body is 10. */
const HEADING_SIZES = [18, 15, 13, 11.5, 10.5, 10];
const LINK_COLOR = '#1a4f8b';
const RULE_COLOR = '#8c8c8c';

/**
 * Characters a PDF string and a TrueType font cannot show: control
 * characters are dropped and lone surrogates become U+FFFD, as in the DOCX.
 */
export const clean = (text: string): string => text.toWellFormed().replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** The borders every table of the export draws: thin grey lines, with a little room in each cell. */
export const GRID_LAYOUT: CustomTableLayout = {
	hLineWidth: () => 0.5,
	vLineWidth: () => 0.5,
	hLineColor: () => RULE_COLOR,
	vLineColor: () => RULE_COLOR,
	paddingLeft: () => 4,
	paddingRight: () => 4,
	paddingTop: () => 3,
	paddingBottom: () => 3
};

/** A quote as a one-cell table with only its left border drawn: pdfmake has no other way to draw a bar beside a block. */
const QUOTE_LAYOUT: CustomTableLayout = {
	hLineWidth: () => 0,
	vLineWidth: (i) => (i === 0 ? 2 : 0),
	vLineColor: () => RULE_COLOR,
	paddingLeft: () => 10,
	paddingRight: () => 0,
	paddingTop: () => 0,
	paddingBottom: () => 0
};

function inline(nodes: DocNode[]): ContentText[] {
	return nodes.map((node) => {
		if (node.type === 'hardBreak') return { text: '\n' };
		if (node.type !== 'text') throw unsupported(node);
		const href = safeHref(markOf(node, 'link')?.attrs?.href);
		const decoration = hasMark(node, 'strike') ? 'lineThrough' : hasMark(node, 'underline') || href ? 'underline' : undefined;
		return {
			text: clean(node.text ?? ''),
			...(hasMark(node, 'bold') && { bold: true }),
			...(hasMark(node, 'italic') && { italics: true }),
			...(decoration && { decoration }),
			...(hasMark(node, 'code') && { background: '#f0f0f0' }),
			...(href && { link: href, color: LINK_COLOR })
		};
	});
}

/** A paragraph's text; an empty one still takes a line, as it does in the editor. */
const paragraph = (node: DocNode, margin: [number, number, number, number] = [0, 0, 0, 6]): Content => {
	const runs = inline(node.content ?? []);
	return { text: runs.length ? runs : ' ', margin };
};

function listItems(node: DocNode, context: PdfContext): Content[] {
	return (node.content ?? []).map((item) => {
		if (item.type !== 'listItem') throw unsupported(item);
		// Paragraphs in a list keep close together; a nested list follows its item's text.
		return { stack: (item.content ?? []).map((child) => (child.type === 'paragraph' ? paragraph(child, [0, 0, 0, 2]) : blocks([child], context)[0])) };
	});
}

function table(node: DocNode, context: PdfContext): Content {
	const grid = tableGrid(node);
	const body: TableCell[][] = grid.taken.map((takenRow, r) => {
		const starting = new Map(grid.rows[r].map((cell) => [cell.column, cell]));
		return takenRow.map((taken, column): TableCell => {
			const cell = starting.get(column);
			// A place covered by a cell spanning into it is declared empty, as pdfmake requires; a ragged row is filled out.
			if (!cell) return taken ? {} : { text: '' };
			const header = cell.node.type === 'tableHeader';
			return {
				stack: blocks(cell.node.content ?? [], context).map((block) => withoutBottomMargin(block)),
				...(cell.colspan > 1 && { colSpan: cell.colspan }),
				...(cell.rowspan > 1 && { rowSpan: cell.rowspan }),
				...(header && { bold: true, fillColor: '#ededed' })
			};
		});
	});
	const headed = grid.rows[0]?.length > 0 && grid.rows[0].every((cell) => cell.node.type === 'tableHeader');
	return {
		table: {
			// The header row is repeated on every page the table runs onto, never left alone at a page's foot, and no row is cut in two.
			headerRows: headed ? 1 : 0,
			keepWithHeaderRows: headed ? 1 : 0,
			dontBreakRows: true,
			widths: context.widths?.(grid.columns) ?? Array<'*'>(grid.columns).fill('*'),
			body
		},
		layout: GRID_LAYOUT,
		margin: [0, 4, 0, 10]
	};
}

/** A cell's last paragraph needs no room below it: the cell's padding gives it. */
function withoutBottomMargin(block: Content): Content {
	return typeof block === 'object' && !Array.isArray(block) && 'text' in block ? ({ ...block, margin: [0, 0, 0, 2] } as Content) : block;
}

/**
 * The blocks of `nodes` as pdfmake content, in order. A heading and the
 * paragraph it heads are kept on one page (pdfmake's own pageBreakBefore
 * hook does it too, but lays the whole document out again for each break
 * and walks every node to decide: seconds on a pact of 500 commitments).
 */
export function blocks(nodes: DocNode[], context: PdfContext): Content[] {
	const written = nodes.map((node) => block(node, context));
	const kept: Content[] = [];
	for (let i = 0; i < nodes.length; i++) {
		if (nodes[i].type === 'heading' && nodes[i + 1]?.type === 'paragraph') {
			kept.push({ stack: [written[i], written[i + 1]], unbreakable: true });
			i++;
		} else kept.push(written[i]);
	}
	return kept;
}

function block(node: DocNode, context: PdfContext): Content {
	switch (node.type) {
		case 'paragraph':
			return paragraph(node);
		case 'heading': {
			const level = headingLevel(node);
			return {
				text: inline(node.content ?? []),
				fontSize: HEADING_SIZES[level - 1],
				bold: true,
				margin: [0, level <= 2 ? 12 : 8, 0, 6]
			};
		}
		case 'blockquote':
			return {
				table: { widths: ['*'], body: [[{ stack: blocks(node.content ?? [], context), italics: true, color: '#4a5559' }]] },
				layout: QUOTE_LAYOUT,
				margin: [0, 2, 0, 8]
			};
		case 'bulletList':
			return { ul: listItems(node, context), margin: [0, 0, 0, 6] };
		case 'orderedList':
			return { ol: listItems(node, context), start: intAttr(node, 'start', 1), margin: [0, 0, 0, 6] };
		case 'codeBlock':
			return {
				text: clean((node.content ?? []).map((child) => child.text ?? '').join('')),
				preserveLeadingSpaces: true,
				fontSize: 9,
				background: '#f3f3f3',
				margin: [0, 0, 0, 8]
			};
		case 'horizontalRule':
			return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 495, y2: 0, lineWidth: 0.5, lineColor: RULE_COLOR }], margin: [0, 6, 0, 10] };
		case 'table':
			return table(node, context);
		case 'image':
			return { text: clean(context.imageNote(imageAlt(node))), italics: true, color: '#4a5559', margin: [0, 0, 0, 6] };
		default:
			throw unsupported(node);
	}
}
