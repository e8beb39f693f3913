// One page of a long list held in the browser (a map's table, a pact's
// gaps), chosen by the address's `page`, so each page can be linked to.

export interface ListPage {
	/** How many pages the list has: at least one, even when empty. */
	pages: number;
	/** The page shown, from 1: a page past the end (the list shrank) shows the last one. */
	current: number;
	/** The index of the page's first item in the list. */
	first: number;
}

export function listPage(params: URLSearchParams, total: number, perPage: number): ListPage {
	const pages = Math.max(1, Math.ceil(total / perPage));
	const current = Math.min(Math.max(1, Number.parseInt(params.get('page') ?? '', 10) || 1), pages);
	return { pages, current, first: (current - 1) * perPage };
}

/** The address of page `n` with the other parameters kept; page 1 has none. */
export function pageHref(params: URLSearchParams, n: number): string {
	const next = new URLSearchParams(params);
	if (n > 1) next.set('page', String(n));
	else next.delete('page');
	return `?${next}`;
}
