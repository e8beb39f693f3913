/**
 * How a table fits a page without breaking a word: which columns go together,
 * how wide each is, and whether it needs a landscape page. The export measures
 * each cell (the widest word it must hold, the width of its longest line); this
 * module works on those measures alone, like a browser's automatic table
 * layout, so it is the same for any writer that can tell it the widths.
 */
import { intAttr, type DocNode } from './json.ts';

/** A cell at its place in the grid: the column and row where it starts and how far it spans. */
export interface GridCell {
	node: DocNode;
	row: number;
	column: number;
	colspan: number;
	rowspan: number;
}

export interface Grid {
	columns: number;
	/** Per row, the cells that start in it, left to right. */
	rows: GridCell[][];
	/** Per row, whether each column is taken by a cell (its own or one spanning down from above). */
	taken: boolean[][];
}

/**
 * A table's cells at their columns. ProseMirror leaves out of a row the
 * places a cell from a row above spans down into, so a cell's column is the
 * next one that no cell above holds: counting cells (as columnCount does)
 * puts it one place too far left.
 */
export function tableGrid(table: DocNode): Grid {
	const rows = table.content ?? [];
	const taken: boolean[][] = rows.map(() => []);
	const cells = rows.map((row, r) => {
		let column = 0;
		return (row.content ?? []).map((node) => {
			while (taken[r][column]) column++;
			const cell = { node, row: r, column, colspan: intAttr(node, 'colspan', 1), rowspan: Math.min(intAttr(node, 'rowspan', 1), rows.length - r) };
			for (let down = r; down < r + cell.rowspan; down++) {
				for (let across = column; across < column + cell.colspan; across++) taken[down][across] = true;
			}
			column += cell.colspan;
			return cell;
		});
	});
	const columns = Math.max(1, ...taken.map((row) => row.length));
	return { columns, rows: cells, taken: taken.map((row) => Array.from({ length: columns }, (_, c) => row[c] ?? false)) };
}

/** How wide a cell or a column must be (its widest word) and would like to be (its longest line), in twips. */
export interface Extent {
	min: number;
	max: number;
}

/**
 * Each column's extent: the widest of the cells that sit in it alone, then
 * widened evenly wherever a spanning cell needs more than its columns give.
 */
export function columnExtents(grid: Grid, measure: (cell: GridCell) => Extent): Extent[] {
	const extents: Extent[] = Array.from({ length: grid.columns }, () => ({ min: 0, max: 0 }));
	const cells = grid.rows.flat().map((cell) => ({ cell, extent: measure(cell) }));
	for (const { cell, extent } of cells.filter(({ cell }) => cell.colspan === 1)) {
		extents[cell.column].min = Math.max(extents[cell.column].min, extent.min);
		extents[cell.column].max = Math.max(extents[cell.column].max, extent.max);
	}
	for (const { cell, extent } of cells.filter(({ cell }) => cell.colspan > 1)) {
		const spanned = extents.slice(cell.column, cell.column + cell.colspan);
		for (const key of ['min', 'max'] as const) {
			const short = extent[key] - spanned.reduce((sum, e) => sum + e[key], 0);
			if (short > 0) for (const e of spanned) e[key] += short / spanned.length;
		}
	}
	for (const e of extents) e.max = Math.max(e.max, e.min);
	return extents;
}

/** One table on the page: the grid's columns it shows, left to right, and their widths in twips. */
export interface ColumnGroup {
	columns: number[];
	widths: number[];
}

export interface TablePlan {
	landscape: boolean;
	/** One group when the table fits; otherwise several, each repeating the first column so its rows can be told apart. */
	groups: ColumnGroup[];
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Widths filling `room` exactly: every column gets its widest word, and what
 * is left goes to the columns in proportion to how much more they would like
 * (their longest line), as browsers lay out automatic tables. Columns that
 * cannot all have their words share the room in proportion to them instead,
 * and then some word will break: only a single word wider than the page does.
 */
export function columnWidths(extents: Extent[], room: number): number[] {
	const least = sum(extents.map((e) => e.min));
	if (least > room) return extents.map((e) => Math.floor((room * e.min) / least));
	const spare = room - least;
	const wanted = extents.map((e) => e.max - e.min);
	if (sum(wanted) >= spare && sum(wanted) > 0) return extents.map((e, i) => Math.floor(e.min + (spare * wanted[i]) / sum(wanted)));
	// Every line fits on one: what is still left goes by how much each column holds.
	const most = sum(extents.map((e) => e.max));
	const left = spare - sum(wanted);
	return extents.map((e) => Math.floor(e.max + (most ? (left * e.max) / most : left / extents.length)));
}

/**
 * The first column, then as many of the next as fit beside it, again and
 * again. A column too wide to share the page even with the first goes with
 * it alone: its words break, since no page is wider.
 */
function groups(extents: Extent[], room: number): number[][] {
	const found: number[][] = [];
	let current: number[] = [0];
	for (let column = 1; column < extents.length; column++) {
		const used = sum(current.map((c) => extents[c].min));
		if (current.length > 1 && used + extents[column].min > room) {
			found.push(current);
			current = [0];
		}
		current.push(column);
	}
	found.push(current);
	return found;
}

/**
 * Where a table goes: on the portrait page when its words fit there, on a
 * landscape page when they fit that, and otherwise on landscape pages in
 * groups of columns. Without a landscape width (a table nested in a list)
 * only the portrait page is tried.
 */
export function planTable(extents: Extent[], room: { portrait: number; landscape?: number }): TablePlan {
	const least = sum(extents.map((e) => e.min));
	const whole = (width: number) => [{ columns: extents.map((_, i) => i), widths: columnWidths(extents, width) }];
	if (least <= room.portrait) return { landscape: false, groups: whole(room.portrait) };
	const width = room.landscape ?? room.portrait;
	if (least <= width) return { landscape: width > room.portrait, groups: whole(width) };
	return {
		landscape: width > room.portrait,
		groups: groups(extents, width).map((columns) => ({ columns, widths: columnWidths(columns.map((c) => extents[c]), width) }))
	};
}
