import { describe, expect, it } from 'vitest';
import { columnExtents, columnWidths, planTable, tableGrid, type Extent } from '../../../src/lib/documents/table-layout.ts';
import { row, table, td, th } from './factories.ts';

const spans = (cell: ReturnType<typeof td>, colspan: number, rowspan = 1) => ({ ...cell, attrs: { colspan, rowspan } });
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const ROOM = { portrait: 9000, landscape: 13950 };
const columns = (...mins: number[]): Extent[] => mins.map((min) => ({ min, max: min * 3 }));

describe('tableGrid', () => {
	it('places a cell after the columns a cell from the row above spans down into', () => {
		const grid = tableGrid(table(row(spans(td('a'), 1, 2), td('b'), td('c')), row(td('d'), td('e'))));
		expect(grid.columns).toBe(3);
		expect(grid.rows[1].map((cell) => cell.column)).toEqual([1, 2]);
		expect(grid.taken[1]).toEqual([true, true, true]);
	});

	it('marks the places a ragged row leaves empty', () => {
		const grid = tableGrid(table(row(spans(th('Periodo'), 2), th('Chi')), row(td('marzo'))));
		expect(grid.columns).toBe(3);
		expect(grid.taken[1]).toEqual([true, false, false]);
	});
});

describe('columnExtents', () => {
	it('gives each column its widest cell, and widens evenly the columns a wider spanning cell covers', () => {
		const widths: Record<string, Extent> = { a: { min: 100, max: 200 }, b: { min: 300, max: 300 }, wide: { min: 1000, max: 1000 } };
		const grid = tableGrid(table(row(spans(td('wide'), 2)), row(td('a'), td('b'))));
		const extents = columnExtents(grid, (cell) => widths[(cell.node.content![0].content![0].text)!]);
		expect(extents).toEqual([
			{ min: 400, max: 450 },
			{ min: 600, max: 600 }
		]);
	});
});

describe('columnWidths', () => {
	it('fills the room, every column at least as wide as its widest word', () => {
		const extents = [{ min: 1000, max: 6000 }, { min: 800, max: 800 }, { min: 1500, max: 4000 }];
		const widths = columnWidths(extents, 9000);
		expect(sum(widths)).toBeGreaterThan(8990);
		widths.forEach((width, i) => expect(width).toBeGreaterThanOrEqual(extents[i].min));
		// The column whose one line already fits gets nothing more while others still wrap.
		expect(widths[1]).toBe(800);
	});

	it('gives what is left after every line fits by how much each column holds', () => {
		expect(columnWidths([{ min: 100, max: 1000 }, { min: 100, max: 2000 }], 6000)).toEqual([2000, 4000]);
	});
});

describe('planTable', () => {
	it('keeps on the portrait page a table whose words fit there', () => {
		const plan = planTable(columns(2000, 2000, 2000), ROOM);
		expect(plan).toMatchObject({ landscape: false, groups: [{ columns: [0, 1, 2] }] });
		expect(sum(plan.groups[0].widths)).toBeLessThanOrEqual(ROOM.portrait);
	});

	it('turns the page for a table whose words fit only across a landscape one', () => {
		const plan = planTable(columns(1500, 1500, 1500, 1500, 1500, 1500, 1500, 1500), ROOM);
		expect(plan.landscape).toBe(true);
		expect(plan.groups).toHaveLength(1);
		expect(sum(plan.groups[0].widths)).toBeLessThanOrEqual(ROOM.landscape);
		plan.groups[0].widths.forEach((width) => expect(width).toBeGreaterThanOrEqual(1500));
	});

	it('splits a table too wide even for landscape into groups of columns that fit, each led by the first column', () => {
		const extents = columns(2000, 3000, 3000, 3000, 3000, 3000, 4500);
		const plan = planTable(extents, ROOM);
		expect(plan.landscape).toBe(true);
		expect(plan.groups.map((group) => group.columns)).toEqual([
			[0, 1, 2, 3],
			[0, 4, 5, 6]
		]);
		for (const group of plan.groups) {
			expect(sum(group.widths)).toBeLessThanOrEqual(ROOM.landscape);
			group.widths.forEach((width, i) => expect(width).toBeGreaterThanOrEqual(extents[group.columns[i]].min));
		}
	});

	it('without a landscape page, splits a nested table within the width it has', () => {
		const plan = planTable(columns(2000, 2000, 2000), { portrait: 4500 });
		expect(plan.landscape).toBe(false);
		expect(plan.groups.map((group) => group.columns)).toEqual([
			[0, 1],
			[0, 2]
		]);
	});
});
