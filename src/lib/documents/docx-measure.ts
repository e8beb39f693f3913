/**
 * How wide the Word export draws a table cell's content, measured before
 * writing it so that every column gets room for its widest word. Word and
 * LibreOffice break a line only at spaces in our text, and a word wider
 * than its column is cut between two letters ("Accoglie-nza"): the widths
 * here must never be less than what they draw.
 */
import { hasMark, headingLevel, type DocNode } from './json.ts';
import { columnExtents, tableGrid, type Extent } from './table-layout.ts';

/**
 * The export's text font, set as the document's default so that every
 * reader draws it alike: Word has Times New Roman, LibreOffice its
 * metric-compatible Liberation Serif.
 */
export const FONT = { name: 'Times New Roman', size: 10 };
export const MONOSPACE = 'Courier New';
/** Twips of indent per list level (a quote is indented one level too). */
export const INDENT = 720;
/** Heading sizes in points, as the docx package's built-in heading styles set them. */
const HEADING_SIZE = [16, 13, 12, FONT.size, FONT.size, FONT.size];
/** What a cell takes beside its text: Word's default margins of 108 twips on each side, the borders and a little to spare. */
export const CELL_PADDING = 300;
export const TWIPS_PER_PIXEL = 15;

/**
 * Advance widths of Times New Roman Bold (thousandths of an em) for the
 * printable ASCII characters, from space to tilde. Bold is measured for all
 * text: it is the widest style a cell uses, so regular text always fits.
 */
// prettier-ignore
const BOLD = [
	250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, // space ! " # $ % & ' ( ) * + , - . /
	500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, // 0–9 : ; < = > ?
	930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, // @ A–O
	611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, // P–Z [ \ ] ^ _
	333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, // ` a–o
	556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520 // p–z { | } ~
];
/** Common characters beyond ASCII that are not a letter with an accent. */
const OTHER: Record<string, number> = { '–': 500, '—': 1000, '‘': 333, '’': 333, '“': 500, '”': 500, '«': 500, '»': 500, '…': 1000, '€': 500, '°': 400, '·': 250 };

/** A character's width in thousandths of an em: an accented letter as its letter, anything unknown as a whole em. */
function charWidth(char: string): number {
	const code = char.codePointAt(0)!;
	if (code >= 32 && code <= 126) return BOLD[code - 32];
	if (char in OTHER) return OTHER[char];
	const base = char.normalize('NFD').codePointAt(0)!;
	return base >= 32 && base <= 126 ? BOLD[base - 32] : 1000;
}

/** A run of text as the export writes it: in the text font or the monospace one, at a size in points. */
interface Piece {
	text: string;
	mono: boolean;
	size: number;
}

/** The extent of one line of pieces, in twips: its widest word and its whole length. */
function lineExtent(pieces: Piece[]): Extent {
	let min = 0;
	let max = 0;
	let word = 0;
	for (const piece of pieces) {
		for (const char of piece.text) {
			// A twentieth of a point per twip; monospace characters are 0.6 em wide.
			const width = ((piece.mono ? 600 : charWidth(char)) * piece.size * 20) / 1000;
			max += width;
			word = /\s/.test(char) ? 0 : word + width;
			min = Math.max(min, word);
		}
	}
	return { min, max };
}

/** Lines of an inline content, split at hard breaks. */
function lines(nodes: DocNode[], size: number): Piece[][] {
	const found: Piece[][] = [[]];
	for (const node of nodes) {
		if (node.type === 'hardBreak') found.push([]);
		else found.at(-1)!.push({ text: node.text ?? '', mono: hasMark(node, 'code'), size });
	}
	return found;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const widest = (extents: Extent[]): Extent => ({
	min: Math.max(0, ...extents.map((e) => e.min)),
	max: Math.max(0, ...extents.map((e) => e.max))
});
const indented = (extent: Extent, by: number): Extent => ({ min: extent.min + by, max: extent.max + by });

/** An image's own width in pixels at 96 to the inch, or 0 when the export will not draw it. */
export type ImageWidth = (image: DocNode) => number;

/** The extent of blocks as docx.ts writes them; an image shrinks to its column, so it would like its own width but needs none. */
function blocksExtent(nodes: DocNode[], imageWidth: ImageWidth): Extent {
	return widest(
		nodes.map((node): Extent => {
			switch (node.type) {
				case 'paragraph':
					return widest(lines(node.content ?? [], FONT.size).map(lineExtent));
				case 'heading':
					return widest(lines(node.content ?? [], HEADING_SIZE[headingLevel(node) - 1]).map(lineExtent));
				case 'codeBlock': {
					const source = (node.content ?? []).map((c) => c.text ?? '').join('');
					return widest(source.split('\n').map((line) => lineExtent([{ text: line, mono: true, size: FONT.size }])));
				}
				case 'blockquote':
				case 'bulletList':
				case 'orderedList':
					return indented(blocksExtent(node.content ?? [], imageWidth), INDENT);
				case 'listItem':
					return blocksExtent(node.content ?? [], imageWidth);
				case 'image':
					return { min: 0, max: imageWidth(node) * TWIPS_PER_PIXEL };
				case 'table': {
					// A table in a cell draws its columns side by side.
					const columns = columnExtents(tableGrid(node), (cell) => cellExtent(cell.node, imageWidth));
					return { min: sum(columns.map((e) => e.min)), max: sum(columns.map((e) => e.max)) };
				}
				default:
					return { min: 0, max: 0 };
			}
		})
	);
}

/** How wide a table cell must be and would like to be, in twips, margins included. */
export function cellExtent(cell: DocNode, imageWidth: ImageWidth): Extent {
	return indented(blocksExtent(cell.content ?? [], imageWidth), CELL_PADDING);
}
