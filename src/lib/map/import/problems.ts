// What an import tells the person: problems of the whole file (nothing can
// be imported), problems of one row (that row is left out), and notices
// (what the import assumed, so the person can check it). Each is a message
// key with its values, translated by the page: the analysis runs in a worker
// that has no locale.
import type { MessageKey } from '../../i18n/translate.ts';

export type Params = Record<string, string | number>;

export interface Message {
	code: MessageKey;
	params?: Params;
}

export interface RowProblem {
	/** As a spreadsheet numbers it (the header is row 1), or the feature's number in a GeoJSON file. */
	row: number;
	/** The column (or GeoJSON property) as the file names it. */
	field: string;
	code: MessageKey;
	/** The offending value, as given, when there is one to show. */
	value?: string;
}

/** At most this many rows (or features) in one import, and this many bytes in one file. */
export const IMPORT_LIMITS = { rows: 10_000, bytes: 10 * 1024 * 1024 } as const;

const MB = 1024 * 1024;

/** The refusal of a file over the size limit, or null: checked on the page before the file is even read, and again in the analysis. */
export function tooBig(size: number): Message | null {
	if (size <= IMPORT_LIMITS.bytes) return null;
	return { code: 'mapImport.file.too_big', params: { size: Math.round((size / MB) * 10) / 10, limit: IMPORT_LIMITS.bytes / MB } };
}

/** Long cells are cut in messages: the person needs to recognise the value, not read it all. */
export const excerpt = (value: string, length = 60): string =>
	value.length > length ? `${value.slice(0, length - 1)}…` : value;

/** Names as a message lists them: «a», «b», cut when there are many. */
export const quoteList = (names: string[]): string => excerpt(names.map((name) => `«${name}»`).join(', '), 200);
