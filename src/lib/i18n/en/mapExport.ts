import type { mapExport as italian } from '../it/mapExport.ts';

export const mapExport: Record<keyof typeof italian, string> = {
	'mapExport.label': 'Export the entries:',
	'mapExport.csv': 'CSV (spreadsheet)',
	'mapExport.geojson': 'GeoJSON (GIS)',
	'mapExport.filtered': 'only those the filters show'
};
