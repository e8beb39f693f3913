import type { Reroute } from '@sveltejs/kit';
import { isStorable } from '$lib/storable-text';

// A path holding what Postgres cannot store (a NUL: "/invite/%00") names
// nothing that exists. It is routed to a path no route matches, so the person
// gets the usual 404 page and no route's code ever sees it. (A path that is
// not UTF-8 at all fails to decode, and SvelteKit answers 400 itself.)
const NOWHERE = '/-/not-found';

export const reroute: Reroute = ({ url }) => {
	let path: string;
	try {
		path = decodeURIComponent(url.pathname);
	} catch {
		return;
	}
	return isStorable(path) ? undefined : NOWHERE;
};
