import type { RequestHandler } from './$types';
import { loadMapExport } from '$lib/server/map/export-source';
import { entriesToGeoJson } from '$lib/map/export';
import { downloadHeaders } from '$lib/documents/download';

// The map's entries that pass the filter in the query string, as GeoJSON for a GIS.
export const GET: RequestHandler = async (event) => {
	const { title, entries, partners } = await loadMapExport(event);
	return new Response(JSON.stringify(entriesToGeoJson(entries, partners)), {
		headers: downloadHeaders(title, 'geojson', 'application/geo+json; charset=utf-8')
	});
};
