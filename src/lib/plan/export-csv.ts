// The plan's table (export-rows.ts) as the CSV Italian Excel opens: written
// as the map's export is (map/export.ts), so a number is a number and a cell
// that looks like a formula stays text.
import { csvFile, numberCell, textCell } from '../map/export.ts';
import type { Cell, CellKind, PlanTable } from './export-rows.ts';

const CSV_CELL: Record<CellKind, (value: Cell) => string> = {
	text: (value) => textCell(String(value ?? '')),
	count: (value) => numberCell(value as number | null),
	euros: (value) => (value === null ? '' : (value as number).toFixed(2).replace('.', ',')),
	// dd/mm/yyyy: the day as Italian Excel reads it into a date.
	day: (value) => (value === null ? '' : (value as string).split('-').reverse().join('/')),
	percent: (value) => numberCell(value as number | null)
};

export function planToCsv({ columns, rows }: PlanTable): string {
	return csvFile([columns.map((column) => textCell(column.header)), ...rows.map((row) => row.map((value, i) => CSV_CELL[columns[i].kind](value)))]);
}
