import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/lib/map/import/analyse.ts';
import { EXISTING_ID, PARTNERS, options, utf8 } from './import-samples.ts';

const feature = (properties: unknown, geometry: unknown = { type: 'Point', coordinates: [13.35, 41.64] }, extra = {}) => ({
	type: 'Feature',
	geometry,
	properties,
	...extra
});
const collection = (...features: unknown[]) => utf8(JSON.stringify({ type: 'FeatureCollection', features }));
const analysed = (bytes: Uint8Array, fileName = 'mappa.geojson') => {
	const result = analyse(bytes, options(fileName));
	if (result.error) throw new Error(JSON.stringify(result.error));
	return result.analysis;
};

describe('GeoJSON', () => {
	it('reads Points whose properties use the Italian columns, the English ones or the entry’s own codes', () => {
		const analysis = analysed(
			collection(
				feature({ nome: 'Centro per l’impiego', categoria: 'Servizio', sistema: 'Lavoro', destinatari: 'Over 50|Giovani NEET', partner: PARTNERS[2].name, posti: '1.200' }),
				feature({ name: 'Food bank', category: 'resource', system: 'social', targets: ['homeless'], tags: ['cibo', 'solidarietà'], places: 40 }),
				feature({ id: EXISTING_ID, name: 'Casa della comunità', category: 'meeting_place', system: 'health', partnerId: PARTNERS[1].id }, null)
			)
		);
		expect(analysis).toMatchObject({ format: 'geojson', rows: 3, added: 2, updated: 1, refused: 0, problems: [] });
		expect(analysis.entries[0]).toMatchObject({
			category: 'service',
			system: 'employment',
			targets: ['over_50', 'neet'],
			partnerId: PARTNERS[2].id,
			position: { lat: 41.64, lng: 13.35 },
			places: 1200
		});
		expect(analysis.entries[1]).toMatchObject({ targets: ['homeless'], tags: ['cibo', 'solidarietà'], places: 40 });
		expect(analysis.entries[2]).toMatchObject({ id: EXISTING_ID, position: null, partnerId: PARTNERS[1].id });
	});

	it('takes the coordinates among the properties only when the feature has no geometry', () => {
		const analysis = analysed(
			collection(
				feature({ nome: 'Mensa', categoria: 'risorsa', sistema: 'sociale', latitudine: '41,7', longitudine: '13,6' }, null),
				feature({ nome: 'Dormitorio', categoria: 'servizio', sistema: 'sociale', lat: 10, lng: 10 })
			)
		);
		expect(analysis.entries.map((entry) => entry.position)).toEqual([
			{ lat: 41.7, lng: 13.6 },
			{ lat: 41.64, lng: 13.35 }
		]);
	});

	it('takes a single Feature and the feature’s own id', () => {
		const id = 'f1000000-0000-4000-8000-000000000009';
		const analysis = analysed(utf8(JSON.stringify(feature({ nome: 'Mensa', categoria: 'risorsa', sistema: 'sociale' }, undefined, { id }))), 'mensa.json');
		expect(analysis.entries.map((entry) => entry.id)).toEqual([id]);
	});

	it('reports each bad feature by its number: not a Point, bad or out-of-range coordinates, no properties', () => {
		const good = { nome: 'Mensa', categoria: 'risorsa', sistema: 'sociale' };
		const analysis = analysed(
			collection(
				feature(good),
				feature(good, { type: 'Polygon', coordinates: [[[13, 41], [13.1, 41], [13, 41.1], [13, 41]]] }),
				feature(good, { type: 'Point', coordinates: ['13,35', 41.64] }),
				feature(good, { type: 'Point', coordinates: [13.35, 95] }),
				feature(null),
				{ type: 'Punto' },
				feature({ ...good, categoria: 'mensa', ente: 'Parrocchia San Rocco', colore: 'rosso' })
			)
		);
		expect(analysis.problems).toEqual([
			{ row: 2, field: 'geometry', code: 'mapImport.problem.not_a_point', value: 'Polygon' },
			{ row: 3, field: 'geometry', code: 'mapImport.problem.bad_coordinates', value: '["13,35",41.64]' },
			{ row: 4, field: 'geometry', code: 'map.problem.lat_range', value: '95' },
			{ row: 5, field: 'properties', code: 'mapImport.problem.no_properties' },
			{ row: 6, field: 'type', code: 'mapImport.problem.not_a_feature' },
			{ row: 7, field: 'ente', code: 'mapImport.problem.unknown_partner', value: 'Parrocchia San Rocco' },
			{ row: 7, field: 'categoria', code: 'map.problem.unknown_category', value: 'mensa' }
		]);
		expect(analysis).toMatchObject({ rows: 7, refused: 6, added: 1 });
		expect(analysis.notices).toEqual([{ code: 'mapImport.notice.ignored_properties', params: { names: '«colore»' } }]);
	});

	it('names invalid JSON, JSON that is not GeoJSON, an empty collection and too many features', () => {
		const error = (bytes: Uint8Array) => analyse(bytes, options('mappa.geojson')).error;
		expect(error(utf8('{"type": "FeatureCollection", "features": [}'))).toEqual({ code: 'mapImport.file.invalid_json' });
		expect(error(utf8('[1, 2, 3]'))).toEqual({ code: 'mapImport.file.not_geojson' });
		expect(error(collection())).toEqual({ code: 'mapImport.file.no_features' });
		const many = Array.from({ length: 10_001 }, () => feature({ nome: 'Mensa' }));
		expect(error(collection(...many))).toEqual({ code: 'mapImport.file.too_many_features', params: { count: 10_001, limit: 10_000 } });
	});

	it('recognises GeoJSON by its content when the name says nothing', () => {
		const analysis = analysed(collection(feature({ nome: 'Mensa', categoria: 'risorsa', sistema: 'sociale' })), 'esportazione');
		expect(analysis.format).toBe('geojson');
	});
});
