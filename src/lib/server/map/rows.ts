// A map entry as a row of public.map_entries, and back: the collab server
// writes the Y.Doc's entries as rows (projector.ts, for collab/projection.ts), the
// pages and the exports read them back as entries (queries.ts).
import type { MapEntry } from '../../map/entry.ts';

/** A row of map_entries, keys in the table's order. */
export interface EntryRow {
	id: string;
	name: string;
	category: MapEntry['category'];
	system: MapEntry['system'];
	target_groups: MapEntry['targets'];
	partner_id: string | null;
	address: string;
	lat: number | null;
	lng: number | null;
	places: number | null;
	hours: string;
	contacts: string;
	notes: string;
	tags: string[];
}

/** The row an entry becomes; a partner that is not one of the network's becomes none. */
export function entryRow(entry: MapEntry, partners: ReadonlySet<string>): EntryRow {
	return {
		id: entry.id,
		name: entry.name,
		category: entry.category,
		system: entry.system,
		target_groups: entry.targets,
		partner_id: entry.partnerId !== null && partners.has(entry.partnerId) ? entry.partnerId : null,
		address: entry.address,
		lat: entry.position?.lat ?? null,
		lng: entry.position?.lng ?? null,
		places: entry.places,
		hours: entry.hours,
		contacts: entry.contacts,
		notes: entry.notes,
		tags: entry.tags
	};
}

/** The entry a row holds. */
export function entryOfRow({ target_groups, partner_id, lat, lng, ...row }: EntryRow): MapEntry {
	return {
		...row,
		targets: target_groups,
		partnerId: partner_id,
		position: lat !== null && lng !== null ? { lat, lng } : null
	};
}
