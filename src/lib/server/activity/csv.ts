// CSV as RFC 4180 writes it, for spreadsheets: fields separated by commas,
// records by CRLF, a field quoted when it holds a comma, a quote or a line
// break (its quotes doubled). The file starts with a UTF-8 byte order mark,
// without which Excel reads accented letters as Latin-1.

const BOM = '\uFEFF';

// A spreadsheet runs a cell that starts with one of these as a formula
// (CSV injection): such a cell is written with a leading apostrophe, which
// makes it plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, made safe for a spreadsheet and quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the header row first, then the records. */
export function toCsv(rows: readonly (readonly string[])[]): string {
	return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
