// Places in the documents list, which runs from the most recently changed
// document: its change time and its id (see keyset.ts).
import { formatKeyset, parseKeyset, type Keyset } from '../keyset.ts';

/** The list's place parameters: `after` (the next pages) wins over `before` (the previous ones). */
export function listPlace(params: URLSearchParams): { after: Keyset | null; before: Keyset | null } {
	const after = parseKeyset(params.get('after'));
	return { after, before: after ? null : parseKeyset(params.get('before')) };
}

/** The address of another page of the list: this one's, filters kept, with its place replaced (null for the first page). */
export function placeHref(url: URL, place: { after: Keyset } | { before: Keyset } | null): string {
	const params = new URLSearchParams(url.searchParams);
	params.delete('after');
	params.delete('before');
	if (place && 'after' in place) params.set('after', formatKeyset(place.after));
	if (place && 'before' in place) params.set('before', formatKeyset(place.before));
	const search = params.toString();
	return `${url.pathname}${search ? `?${search}` : ''}`;
}
