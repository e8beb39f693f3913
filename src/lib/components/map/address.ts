// The views of a map's entries keep what the person chose (the view, the
// filter, the order, the table's page, the synergies' distance) in the
// page's address, so a view can be shared as a link and survives a reload.
import { goto } from '$app/navigation';

/** `params` with one parameter set and the others kept, as for a link to another view of the same entries. */
export function withParam(params: URLSearchParams, name: string, value: string): URLSearchParams {
	const next = new URLSearchParams(params);
	next.set(name, value);
	return next;
}

/**
 * Shows `params` as the page's query in place: no new history entry, and
 * focus and scroll stay where they are, so a choice applies while the person
 * is still typing or choosing.
 */
export function replaceQuery(params: URLSearchParams): Promise<void> {
	return goto(`?${params}`, { replaceState: true, keepFocus: true, noScroll: true });
}
