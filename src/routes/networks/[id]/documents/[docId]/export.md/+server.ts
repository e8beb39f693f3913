import type { RequestHandler } from './$types';
import { loadExportSource } from '$lib/documents/source.server';
import { toMarkdown } from '$lib/documents/markdown';
import { withTitle } from '$lib/documents/json';
import { downloadHeaders } from '$lib/documents/download';

// The document (or ?version=<id>) as Markdown, its title as the first heading.
export const GET: RequestHandler = async (event) => {
	const { document, json } = await loadExportSource(event);
	return new Response(toMarkdown(withTitle(json, document.title)), {
		headers: downloadHeaders(document.title, 'md', 'text/markdown; charset=utf-8')
	});
};
