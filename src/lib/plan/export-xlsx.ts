// The plan's table (export-rows.ts) as an Excel workbook (exceljs): dates as
// dates, amounts in euro and percentages with their formats, a bold header
// row that stays in view and filters, cells that wrap their lines. Text is
// written as text, never as a formula, whatever it starts with.
import ExcelJS from 'exceljs';
import type { Cell, CellKind, PlanTable } from './export-rows.ts';

const FORMATS: Record<CellKind, string | undefined> = {
	text: '@',
	count: '#,##0.##',
	euros: '#,##0.00 "€"',
	day: 'dd/mm/yyyy',
	percent: '0"%"'
};

/** A day as the Date exceljs writes as that day: midnight UTC, which it stores without a time zone. */
const dayValue = (value: Cell) => (value === null ? null : new Date(`${value}T00:00:00Z`));

export async function planToXlsx({ columns, rows }: PlanTable, sheetName: string, title: string): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Trama';
	workbook.title = title;
	// Excel's fixed creation date would otherwise be the build's: the file is made now.
	workbook.created = new Date();
	const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = columns.map((column) => ({ header: column.header, width: column.width, style: { numFmt: FORMATS[column.kind], alignment: { vertical: 'top', wrapText: true } } }));
	sheet.getRow(1).font = { bold: true };
	for (const row of rows) sheet.addRow(row.map((value, i) => (columns[i].kind === 'day' ? dayValue(value) : value)));
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}
