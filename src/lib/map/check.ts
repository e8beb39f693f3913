// One check of a map entry, wherever it comes from: a person's form, an
// import row, or a document's Yjs state (which any client can write, so the
// server checks it again before projecting it).
import { isUuid } from '../uuid.ts';
import { storable } from '../storable-text.ts';
import {
	LIMITS,
	isCategory,
	isPosition,
	isSystem,
	isTargetGroup,
	type EntryField,
	type MapEntry,
	type TargetGroup
} from './entry.ts';

export type ProblemCode =
	| 'required'
	| 'too_long'
	| 'unknown_category'
	| 'unknown_system'
	| 'unknown_target'
	| 'not_a_number'
	| 'lat_range'
	| 'lng_range'
	| 'position_half'
	| 'places_range'
	| 'too_many_tags'
	| 'tag_too_long'
	| 'bad_id';

export interface Problem {
	field: EntryField | 'id';
	code: ProblemCode;
	/** The offending value, as given, when there is one to show. */
	value?: string;
}

export type Checked = { entry: MapEntry; problems: [] } | { entry: null; problems: Problem[] };

// Tidied of what Postgres cannot store too: any client can put a NUL in Yjs.
const text = (value: unknown): string => (typeof value === 'string' ? storable(value).trim() : '');

/**
 * Checks and tidies an entry-shaped value: strings trimmed, lists without
 * repeats. Answers the entry, or every problem found (not just the first),
 * so an import can report a row's problems all at once.
 */
export function checkEntry(raw: Record<string, unknown>): Checked {
	const problems: Problem[] = [];
	const id = text(raw.id);
	if (!isUuid(id)) problems.push({ field: 'id', code: 'bad_id', value: id });

	const name = text(raw.name);
	if (!name) problems.push({ field: 'name', code: 'required' });
	else if (name.length > LIMITS.name) problems.push({ field: 'name', code: 'too_long' });

	if (!isCategory(raw.category)) problems.push({ field: 'category', code: raw.category ? 'unknown_category' : 'required', value: String(raw.category ?? '') });
	if (!isSystem(raw.system)) problems.push({ field: 'system', code: raw.system ? 'unknown_system' : 'required', value: String(raw.system ?? '') });

	const targets = Array.isArray(raw.targets) ? [...new Set(raw.targets.map(text))].filter(Boolean) : [];
	for (const target of targets) if (!isTargetGroup(target)) problems.push({ field: 'targets', code: 'unknown_target', value: target });

	const partnerId = text(raw.partnerId) || null;
	if (partnerId !== null && !isUuid(partnerId)) problems.push({ field: 'partnerId', code: 'bad_id', value: partnerId });

	const position = raw.position ?? null;
	if (position !== null && !isPosition(position)) problems.push(...positionProblems(position as Record<string, unknown>));

	const places = raw.places ?? null;
	if (places !== null && !(Number.isInteger(places) && (places as number) >= 0 && (places as number) <= LIMITS.places)) {
		problems.push({ field: 'places', code: typeof places === 'number' ? 'places_range' : 'not_a_number', value: String(places) });
	}

	const strings = { address: text(raw.address), hours: text(raw.hours), contacts: text(raw.contacts), notes: text(raw.notes) };
	for (const [field, value] of Object.entries(strings) as [keyof typeof strings, string][]) {
		if (value.length > LIMITS[field]) problems.push({ field, code: 'too_long' });
	}

	const tags = Array.isArray(raw.tags) ? [...new Set(raw.tags.map(text))].filter(Boolean) : [];
	if (tags.length > LIMITS.tags) problems.push({ field: 'tags', code: 'too_many_tags' });
	for (const tag of tags) if (tag.length > LIMITS.tag) problems.push({ field: 'tags', code: 'tag_too_long', value: tag });

	if (problems.length > 0) return { entry: null, problems };
	return {
		entry: {
			id: id.toLowerCase(),
			name,
			category: raw.category as MapEntry['category'],
			system: raw.system as MapEntry['system'],
			targets: targets as TargetGroup[],
			partnerId: partnerId?.toLowerCase() ?? null,
			...strings,
			position: position as MapEntry['position'],
			places: places as number | null,
			tags
		},
		problems: []
	};
}

function positionProblems(position: Record<string, unknown>): Problem[] {
	const { lat, lng } = position;
	const number = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
	if (lat == null || lng == null) return [{ field: 'position', code: 'position_half' }];
	const problems: Problem[] = [];
	if (!number(lat)) problems.push({ field: 'position', code: 'not_a_number', value: String(lat) });
	else if (Math.abs(lat as number) > 90) problems.push({ field: 'position', code: 'lat_range', value: String(lat) });
	if (!number(lng)) problems.push({ field: 'position', code: 'not_a_number', value: String(lng) });
	else if (Math.abs(lng as number) > 180) problems.push({ field: 'position', code: 'lng_range', value: String(lng) });
	return problems;
}
