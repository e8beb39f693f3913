// A territorial map's entry: who does what, where, for whom. The vocabulary
// below is the contract of the document's Yjs state, of the SQL projection
// (supabase/migrations/*_map_entries.sql) and of imports and exports: change
// them together.
import { SYSTEMS, type NetworkSystem } from '../domain.ts';

export const CATEGORIES = ['service', 'need', 'resource', 'opportunity', 'meeting_place'] as const;
export const TARGET_GROUPS = [
	'disability',
	'mental_health',
	'addiction',
	'detainees',
	'migrants',
	'neet',
	'long_term_unemployed',
	'over_50',
	'homeless',
	'women_violence'
] as const;

export type Category = (typeof CATEGORIES)[number];
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export { SYSTEMS };

/** A place on the map, in WGS 84 degrees. */
export interface Position {
	lat: number;
	lng: number;
}

export interface MapEntry {
	/** A UUID chosen by whoever creates the entry. */
	id: string;
	name: string;
	category: Category;
	system: NetworkSystem;
	targets: TargetGroup[];
	/** A partner of the document's network, or none. */
	partnerId: string | null;
	address: string;
	position: Position | null;
	/** Places available, when the entry has a number of them. */
	places: number | null;
	/** Opening hours or time offered, as people write them ("lun–ven 9–13"). */
	hours: string;
	contacts: string;
	notes: string;
	tags: string[];
}

/** The fields a person can change, in the order forms and tables show them. */
export const ENTRY_FIELDS = [
	'name',
	'category',
	'system',
	'targets',
	'partnerId',
	'address',
	'position',
	'places',
	'hours',
	'contacts',
	'notes',
	'tags'
] as const satisfies readonly (keyof MapEntry)[];

export type EntryField = (typeof ENTRY_FIELDS)[number];

export { sameValue } from '../structured/kind.ts';

/** Limits on what one entry may hold, checked wherever an entry is written. */
export const LIMITS = {
	name: 200,
	address: 300,
	hours: 200,
	contacts: 500,
	notes: 4000,
	tag: 40,
	tags: 20,
	places: 100_000
} as const;

export const isCategory = (value: unknown): value is Category => CATEGORIES.includes(value as Category);
export const isSystem = (value: unknown): value is NetworkSystem => SYSTEMS.includes(value as NetworkSystem);
export const isTargetGroup = (value: unknown): value is TargetGroup => TARGET_GROUPS.includes(value as TargetGroup);

/** True when `position` is a real place: latitude within ±90°, longitude within ±180°. */
export function isPosition(position: unknown): position is Position {
	const { lat, lng } = (position ?? {}) as Partial<Position>;
	return (
		typeof lat === 'number' &&
		typeof lng === 'number' &&
		Number.isFinite(lat) &&
		Number.isFinite(lng) &&
		Math.abs(lat) <= 90 &&
		Math.abs(lng) <= 180
	);
}

/** A new entry's starting values. */
export function blankEntry(id: string, overrides: Partial<MapEntry> = {}): MapEntry {
	return {
		id,
		name: '',
		category: 'service',
		system: 'social',
		targets: [],
		partnerId: null,
		address: '',
		position: null,
		places: null,
		hours: '',
		contacts: '',
		notes: '',
		tags: [],
		...overrides
	};
}
