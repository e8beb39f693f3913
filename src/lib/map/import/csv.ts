// A CSV file's rows. Italian spreadsheets separate cells with ; (the comma
// being the decimal mark), others with , or a tab: the separator is the one
// under which the first row names the most known columns.
import Papa from 'papaparse';
import { COLUMNS, columnOf } from '../columns.ts';
import { excerpt, IMPORT_LIMITS, quoteList, type Message, type RowProblem } from './problems.ts';
import type { Cells } from './cells.ts';

export const SEPARATORS = [';', ',', '\t'] as const;
export type Separator = (typeof SEPARATORS)[number];

/** Columns every entry needs besides the name: without them every row is refused, and the file is told so once. */
const REQUIRED = COLUMNS.filter((column) => column.key === 'category' || column.key === 'system');

/**
 * How many rows with something in them the text has, header included: one
 * pass over the characters, quotes respected, so a file far over the limit is
 * refused before it is parsed at all.
 */
function countRows(text: string): number {
	let rows = 0;
	let quoted = false;
	let filled = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 34) quoted = !quoted; // "
		// Rows end with LF, CRLF, or a lone CR as old Mac spreadsheets write.
		if (!quoted && (code === 10 || code === 13)) {
			if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
			if (filled) rows++;
			filled = false;
		} else if (!filled && code > 32) filled = true;
	}
	return filled ? rows + 1 : rows;
}

const firstRow = (text: string, separator: Separator): string[] =>
	(Papa.parse<string[]>(text, { delimiter: separator, preview: 1 }).data[0] ?? []).map((cell) => cell.trim());

/** Distinct known columns the header names; the name column counts double, being the one an import needs. */
function score(header: string[]): number {
	const keys = new Set(header.map((cell) => columnOf(cell)?.key).filter(Boolean));
	return keys.size + (keys.has('name') ? keys.size : 0);
}

export interface CsvRows {
	/** The rows after the header that have something in them, with the row number a spreadsheet shows. */
	rows: { row: number; cells: Cells }[];
	problems: RowProblem[];
	notices: Message[];
}

/** Reads CSV text into rows of known columns, or the reason the file cannot be read. */
export function readCsv(text: string, chosen: Separator | 'auto' = 'auto'): CsvRows | { error: Message } {
	const rowCount = countRows(text);
	if (rowCount === 0) return { error: { code: 'mapImport.file.empty' } };
	if (rowCount - 1 > IMPORT_LIMITS.rows) {
		return { error: { code: 'mapImport.file.too_many_rows', params: { count: rowCount - 1, limit: IMPORT_LIMITS.rows } } };
	}

	const candidates = SEPARATORS.map((separator) => ({ separator, header: firstRow(text, separator) }));
	const best = candidates.reduce((a, b) => (score(b.header) > score(a.header) ? b : a));
	const { separator, header } = chosen === 'auto' ? best : candidates.find((c) => c.separator === chosen)!;
	const keys = header.map((cell) => columnOf(cell)?.key ?? null);
	if (!keys.includes('name')) {
		const better = chosen !== 'auto' && best.separator !== chosen && score(best.header) > score(header) ? best.separator : null;
		return { error: headerProblem(header, better) };
	}
	if (rowCount === 1) return { error: { code: 'mapImport.file.header_only' } };

	const parsed = Papa.parse<string[]>(text, { delimiter: separator });
	const problems: RowProblem[] = [];
	const rows: CsvRows['rows'] = [];
	// Papa Parse counts records from 0 with the header as record 0; a spreadsheet shows it as row 1.
	const brokenQuotes = new Set(parsed.errors.filter((error) => error.type === 'Quotes').map((error) => (error.row ?? 0) + 1));
	parsed.data.forEach((record, index) => {
		const row = index + 1;
		if (index === 0 || record.every((cell) => !cell.trim())) return;
		if (brokenQuotes.has(row)) {
			problems.push({ row, field: header[0], code: 'mapImport.problem.quotes' });
			return;
		}
		const extra = record.slice(header.length).filter((cell) => cell.trim());
		if (extra.length > 0) {
			problems.push({
				row,
				field: header.at(-1)!,
				code: 'mapImport.problem.too_many_cells',
				value: excerpt(extra.map((cell) => cell.trim()).join(separator))
			});
			return;
		}
		const cells: Cells = {};
		keys.forEach((key, column) => {
			if (key && !cells[key]) cells[key] = { name: header[column], value: record[column] ?? '' };
		});
		rows.push({ row, cells });
	});

	if (rows.length === 0 && problems.length === 0) return { error: { code: 'mapImport.file.header_only' } };

	const notices: Message[] = [{ code: `mapImport.notice.separator_${chosen === 'auto' ? 'found' : 'chosen'}`, params: { separator } }];
	const ignored = header.filter((cell, column) => cell && !keys[column]);
	if (ignored.length > 0) notices.push({ code: 'mapImport.notice.ignored_columns', params: { columns: quoteList(ignored) } });
	const missing = REQUIRED.filter((column) => !keys.includes(column.key)).map((column) => column.it);
	if (missing.length > 0) notices.push({ code: 'mapImport.notice.missing_columns', params: { columns: quoteList(missing) } });
	return { rows, problems, notices };
}

/** Why the first row is not a header Trama knows, with a guess at the separator when another one reads better. */
function headerProblem(header: string[], better: Separator | null): Message {
	if (better) return { code: 'mapImport.file.wrong_separator', params: { header: excerpt(header.join(' ')), separator: better } };
	if (header.length <= 1) {
		// A pipe between words is the usual separator Trama does not read.
		const guess = header[0]?.includes('|') ? '|' : null;
		return guess
			? { code: 'mapImport.file.one_column_guess', params: { header: excerpt(header[0] ?? ''), separator: guess } }
			: { code: 'mapImport.file.one_column', params: { header: excerpt(header[0] ?? '') } };
	}
	return { code: 'mapImport.file.no_name_column', params: { columns: quoteList(header) } };
}

