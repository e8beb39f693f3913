import type { RequestHandler } from './$types';
import { loadExportSource } from '$lib/documents/source.server';
import { toMarkdown } from '$lib/documents/markdown';
import { withTitle } from '$lib/documents/json';
import { downloadHeaders } from '$lib/documents/download';

// The document (or ?version=<id>) as Markdown, its title as the first heading;
// its images point back here, where each is shown only to the network's members.
export const GET: RequestHandler = async (event) => {
	const { document, json } = await loadExportSource(event);
	return new Response(toMarkdown(withTitle(json, document.title), { origin: event.url.origin }), {
		headers: downloadHeaders(document.title, 'md', 'text/markdown; charset=utf-8')
	});
};
