// A place in a list paged by keyset on (time, id), newest first: the last
// row shown, named by its time to the microsecond as Postgres keeps it and by
// its id, which breaks ties. A JavaScript Date would round the time to the
// millisecond, and the next page would skip or repeat rows.
import { isUuid } from '../uuid.ts';

export interface Keyset {
	/** ISO 8601 in UTC with microseconds, e.g. 2026-11-23T16:11:21.123456Z. */
	at: string;
	id: string;
}

/** The SQL that writes a timestamptz the way a keyset carries it. */
export const keysetTime = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const MICROSECONDS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The keyset as a URL parameter's value. */
export const formatKeyset = ({ at, id }: Keyset): string => `${at}_${id}`;

/** A keyset from a URL parameter; anything malformed, or a date that does not exist, is none. */
export function parseKeyset(value: string | null | undefined): Keyset | null {
	const parts = value?.split('_') ?? [];
	if (parts.length !== 2) return null;
	const [at, id] = parts;
	if (!MICROSECONDS_UTC.test(at) || !isUuid(id)) return null;
	// 2026-02-30 is refused here rather than by the database, as an error.
	const date = new Date(at);
	if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 23) !== at.slice(0, 23)) return null;
	return { at, id: id.toLowerCase() };
}
