// A place in the documents list, which runs from the most recently changed
// document: its change time and its id, which breaks ties. The time keeps the
// database's microseconds: a JavaScript Date would round them away and skip
// or repeat documents changed within the same millisecond.
import { isUuid } from './schemas.ts';

export interface ListCursor {
	/** ISO 8601 in UTC with microseconds, as the database wrote it. */
	changedAt: string;
	id: string;
}

const MICROSECONDS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The cursor as a URL parameter's value. */
export function formatCursor({ changedAt, id }: ListCursor): string {
	return `${changedAt}_${id}`;
}

/** A cursor from a URL parameter; anything malformed, or a date that does not exist, is no cursor. */
export function parseCursor(value: string | null | undefined): ListCursor | null {
	const parts = value?.split('_') ?? [];
	if (parts.length !== 2) return null;
	const [changedAt, id] = parts;
	if (!MICROSECONDS_UTC.test(changedAt) || !isUuid(id)) return null;
	// 2026-02-30 is refused here rather than by the database, as an error.
	const date = new Date(changedAt);
	if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 23) !== changedAt.slice(0, 23)) return null;
	return { changedAt, id: id.toLowerCase() };
}

/** The list's place parameters: `after` (the next pages) wins over `before` (the previous ones). */
export function listPlace(params: URLSearchParams): { after: ListCursor | null; before: ListCursor | null } {
	const after = parseCursor(params.get('after'));
	return { after, before: after ? null : parseCursor(params.get('before')) };
}

/** The address of another page of the list: this one's, filters kept, with its place replaced (null for the first page). */
export function placeHref(url: URL, place: { after: ListCursor } | { before: ListCursor } | null): string {
	const params = new URLSearchParams(url.searchParams);
	params.delete('after');
	params.delete('before');
	if (place && 'after' in place) params.set('after', formatCursor(place.after));
	if (place && 'before' in place) params.set('before', formatCursor(place.before));
	const search = params.toString();
	return `${url.pathname}${search ? `?${search}` : ''}`;
}
