// Italian messages of mapExport: the keys the English file must match.
export const mapExport = {
	'mapExport.label': 'Esporta le voci:',
	'mapExport.csv': 'CSV (foglio di calcolo)',
	'mapExport.geojson': 'GeoJSON (GIS)',
	'mapExport.filtered': 'solo quelle mostrate dai filtri'
} as const;
