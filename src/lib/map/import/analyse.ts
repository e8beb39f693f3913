// An import, before anything is saved: a file's bytes read, every row turned
// into an entry or into the reasons it cannot be one, and the counts the
// person decides on. Pure and synchronous: the page runs it in a worker.
import type { MapEntry } from '../entry.ts';
import type { Partner } from '../../domain.ts';
import { decodeBytes } from './decode.ts';
import { readCsv, type Separator } from './csv.ts';
import { readGeoJson } from './geojson.ts';
import { entryFromCells, partnerIndex, type Cells } from './cells.ts';
import { tooBig, type Message, type RowProblem } from './problems.ts';

export interface ImportOptions {
	/** The file's name: its extension tells CSV from GeoJSON. */
	fileName: string;
	separator?: Separator | 'auto';
	partners: Pick<Partner, 'id' | 'name'>[];
	/** The ids of the map's entries now: a row with one of them updates that entry. */
	existingIds: Iterable<string>;
	/** Told every few hundred rows, for a progress bar. */
	onProgress?: (done: number, total: number) => void;
}

export interface Analysis {
	format: 'csv' | 'geojson';
	/** Rows (or features) with something in them. */
	rows: number;
	/** The rows that can be imported, in file order. */
	entries: MapEntry[];
	/** How many of `entries` are new, and how many replace an entry of the map with the same id. */
	added: number;
	updated: number;
	/** Rows with at least one problem. */
	refused: number;
	problems: RowProblem[];
	notices: Message[];
}

export type AnalysisResult = { analysis: Analysis; error?: never } | { analysis?: never; error: Message };

const PROGRESS_EVERY = 500;

function formatOf(fileName: string, text: string): 'csv' | 'geojson' {
	if (/\.(geo)?json$/i.test(fileName)) return 'geojson';
	if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
	return /^\s*[{[]/.test(text) ? 'geojson' : 'csv';
}

export function analyse(bytes: Uint8Array, options: ImportOptions): AnalysisResult {
	const big = tooBig(bytes.length);
	if (big) return { error: big };
	const decoded = decodeBytes(bytes);
	if (decoded.text === null) return { error: { code: `mapImport.file.${decoded.reason}` } };
	if (!decoded.text.trim()) return { error: { code: 'mapImport.file.empty' } };

	const format = formatOf(options.fileName, decoded.text);
	const read = format === 'csv' ? readCsv(decoded.text, options.separator) : readGeoJson(decoded.text);
	if ('error' in read) return { error: read.error };

	const notices: Message[] = [...(decoded.encoding === 'windows-1252' ? [{ code: 'mapImport.notice.windows_1252' } as const] : []), ...read.notices];

	const partners = partnerIndex(options.partners);
	const existing = new Set(options.existingIds);
	const firstRowOf = new Map<string, number>();
	const problems = [...read.problems];
	const entries: MapEntry[] = [];
	let added = 0;
	const total = read.rows.length;
	read.rows.forEach(({ row, cells }: { row: number; cells: Cells }, index) => {
		if (index % PROGRESS_EVERY === 0) options.onProgress?.(index, total);
		const result = entryFromCells(cells, row, partners);
		if (!result.entry) return void problems.push(...result.problems);
		const earlier = firstRowOf.get(result.entry.id);
		if (earlier !== undefined) {
			problems.push({ row, field: cells.id!.name, code: 'mapImport.problem.duplicate_id', value: String(earlier) });
			return;
		}
		firstRowOf.set(result.entry.id, row);
		if (!existing.has(result.entry.id)) added++;
		entries.push(result.entry);
	});
	options.onProgress?.(total, total);

	problems.sort((a, b) => a.row - b.row);
	const refused = new Set(problems.map((problem) => problem.row)).size;
	return {
		analysis: {
			format,
			rows: entries.length + refused,
			entries,
			added,
			updated: entries.length - added,
			refused,
			problems,
			notices
		}
	};
}
