import { isStorable, storable } from '$lib/storable-text';

/**
 * Drops from the query string what Postgres cannot store: a NUL typed or
 * pasted into a search box or a filter is nothing to refuse, so every page,
 * load and endpoint reads the query without it. (Decoding a query already
 * turns invalid UTF-8 and lone surrogates into U+FFFD.)
 */
export function cleanQuery(url: URL): void {
	const pairs = [...url.searchParams];
	if (pairs.every(([name, value]) => isStorable(name) && isStorable(value))) return;
	const cleaned = new URLSearchParams();
	for (const [name, value] of pairs) cleaned.append(storable(name), storable(value));
	url.search = cleaned.toString();
}
