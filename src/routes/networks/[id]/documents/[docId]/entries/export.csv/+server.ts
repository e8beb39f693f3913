import type { RequestHandler } from './$types';
import { loadMapExport } from '$lib/server/map/export-source';
import { entriesToCsv } from '$lib/map/export';
import { downloadHeaders } from '$lib/documents/download';

// The map's entries that pass the filter in the query string, as a CSV file for a spreadsheet.
export const GET: RequestHandler = async (event) => {
	const { title, entries, partners } = await loadMapExport(event);
	return new Response(entriesToCsv(entries, partners), {
		headers: downloadHeaders(title, 'csv', 'text/csv; charset=utf-8')
	});
};
