// A GeoJSON file's features as rows: a FeatureCollection (or one Feature) of
// Points, whose properties are named like the CSV's columns in either
// language, or with the entry's own field names as exports write them.
import { columnOf } from '../columns.ts';
import type { Cells, ColumnKey } from './cells.ts';
import { excerpt, IMPORT_LIMITS, quoteList, type Message, type RowProblem } from './problems.ts';

export interface GeoJsonRows {
	/** Each feature that can become an entry, numbered from 1 as the file lists them. */
	rows: { row: number; cells: Cells }[];
	problems: RowProblem[];
	notices: Message[];
}

/** Property names that are the entry's own fields rather than a column's name. */
const FIELD_NAMES: Record<string, ColumnKey> = { partnerid: 'partner', partner_id: 'partner' };

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export function readGeoJson(text: string): GeoJsonRows | { error: Message } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { error: { code: 'mapImport.file.invalid_json' } };
	}
	const features = isObject(json) && json.type === 'FeatureCollection' && Array.isArray(json.features)
		? (json.features as unknown[])
		: isObject(json) && json.type === 'Feature'
			? [json]
			: null;
	if (!features) return { error: { code: 'mapImport.file.not_geojson' } };
	if (features.length === 0) return { error: { code: 'mapImport.file.no_features' } };
	if (features.length > IMPORT_LIMITS.rows) {
		return { error: { code: 'mapImport.file.too_many_features', params: { count: features.length, limit: IMPORT_LIMITS.rows } } };
	}

	// Every feature repeats the same property names: each is looked up once.
	const keys = new Map<string, ColumnKey | null>();
	const keyOf = (name: string): ColumnKey | null => {
		if (!keys.has(name)) keys.set(name, FIELD_NAMES[name.toLowerCase()] ?? columnOf(name)?.key ?? null);
		return keys.get(name)!;
	};
	const rows: GeoJsonRows['rows'] = [];
	const problems: RowProblem[] = [];
	const ignored = new Set<string>();
	features.forEach((feature, index) => {
		const row = index + 1;
		if (!isObject(feature) || feature.type !== 'Feature') {
			problems.push({ row, field: 'type', code: 'mapImport.problem.not_a_feature' });
			return;
		}
		if (!isObject(feature.properties)) {
			problems.push({ row, field: 'properties', code: 'mapImport.problem.no_properties' });
			return;
		}
		const cells: Cells = {};
		for (const [name, value] of Object.entries(feature.properties)) {
			const key = keyOf(name);
			if (!key) ignored.add(name);
			else if (!cells[key]) cells[key] = { name, value };
		}
		// A feature's own id stands for the entry's when the properties have none.
		if (!cells.id && (typeof feature.id === 'string' || typeof feature.id === 'number')) cells.id = { name: 'id', value: feature.id };
		const place = pointOf(feature.geometry);
		if ('problem' in place) {
			problems.push({ row, field: 'geometry', ...place.problem });
			return;
		}
		// The geometry is the place; coordinates among the properties count only for a feature without one.
		if (place.point) {
			cells.lng = { name: 'geometry', value: place.point[0] };
			cells.lat = { name: 'geometry', value: place.point[1] };
		}
		rows.push({ row, cells });
	});
	const notices: Message[] = ignored.size > 0 ? [{ code: 'mapImport.notice.ignored_properties', params: { names: quoteList([...ignored]) } }] : [];
	return { rows, problems, notices };
}

/** A feature's place: a Point's [longitude, latitude], none for a null geometry, or why it is not a place. */
function pointOf(geometry: unknown): { point: [unknown, unknown] | null } | { problem: Pick<RowProblem, 'code' | 'value'> } {
	if (geometry === null || geometry === undefined) return { point: null };
	if (!isObject(geometry) || geometry.type !== 'Point') {
		const type = isObject(geometry) ? String(geometry.type ?? '') : '';
		return { problem: { code: 'mapImport.problem.not_a_point', value: excerpt(type) } };
	}
	const coordinates = geometry.coordinates;
	if (!Array.isArray(coordinates) || coordinates.length < 2 || !coordinates.slice(0, 2).every((c) => typeof c === 'number' && Number.isFinite(c))) {
		return { problem: { code: 'mapImport.problem.bad_coordinates', value: excerpt(JSON.stringify(coordinates) ?? '') } };
	}
	return { point: [coordinates[0], coordinates[1]] };
}
