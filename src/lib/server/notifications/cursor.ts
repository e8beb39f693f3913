// Keyset pagination of a person's notifications, newest first, over
// (created_at, id). The cursor names the last row shown by its time to the
// microsecond, as Postgres keeps it: a JavaScript Date would round it to the
// millisecond and the next page would skip or repeat rows.

export interface Cursor {
	/** ISO 8601 in UTC with microseconds, e.g. 2026-11-23T16:11:21.123456Z. */
	at: string;
	id: string;
}

/** The SQL that writes a timestamptz column the way a cursor carries it. */
export const cursorTime = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const FORM = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export const encodeCursor = ({ at, id }: Cursor): string => `${at}_${id}`;

/** The cursor in a URL parameter, or null when there is none or it was not one of ours. */
export function decodeCursor(value: string | null): Cursor | null {
	const match = value ? FORM.exec(value) : null;
	if (!match || Number.isNaN(Date.parse(match[1]))) return null;
	return { at: match[1], id: match[2].toLowerCase() };
}
