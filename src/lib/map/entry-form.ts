// The entry form's values are what people type, as text; the entry is what
// the shared document holds. This module turns one into the other through the
// entry's one check, says which form field each problem belongs to, and
// names the fields a save changes, so a save never overwrites what someone
// else changed meanwhile in the fields this person left alone.
import { checkEntry, type Checked, type Problem } from './check.ts';
import { ENTRY_FIELDS, sameValue, type MapEntry } from './entry.ts';
import type { EntryPatch } from './entries-doc.ts';
import { formatCoordinate } from './coordinates.ts';
import { readNumber } from './numbers.ts';

export interface EntryFormValues {
	name: string;
	category: string;
	system: string;
	targets: string[];
	/** '' for no partner. */
	partnerId: string;
	address: string;
	lat: string;
	lng: string;
	places: string;
	hours: string;
	contacts: string;
	notes: string;
	/** Separated by commas, as people write them. */
	tags: string;
}

export type FormField = keyof EntryFormValues;

export function formValuesOf(entry: MapEntry): EntryFormValues {
	return {
		name: entry.name,
		category: entry.category,
		system: entry.system,
		targets: [...entry.targets],
		partnerId: entry.partnerId ?? '',
		address: entry.address,
		lat: entry.position ? formatCoordinate(entry.position.lat) : '',
		lng: entry.position ? formatCoordinate(entry.position.lng) : '',
		places: entry.places === null ? '' : String(entry.places),
		hours: entry.hours,
		contacts: entry.contacts,
		notes: entry.notes,
		tags: entry.tags.join(', ')
	};
}

/** The entry the form describes, checked, or every problem with it. */
export function entryFromForm(id: string, values: EntryFormValues): Checked {
	const lat = readNumber(values.lat, 'decimal');
	const lng = readNumber(values.lng, 'decimal');
	return checkEntry({
		...values,
		id,
		position: lat === null && lng === null ? null : { lat, lng },
		places: readNumber(values.places, 'integer'),
		tags: values.tags.split(',')
	});
}

/**
 * The form field where a problem is shown. The check speaks of one
 * "position"; the form has two boxes, and the message goes beside the one
 * to correct.
 */
function formFieldOf(problem: Problem, values: EntryFormValues): FormField {
	if (problem.field === 'id') return 'name';
	if (problem.field !== 'position') return problem.field;
	if (problem.code === 'lng_range') return 'lng';
	if (problem.code === 'position_half') return values.lat.trim() ? 'lng' : 'lat';
	if (problem.code === 'not_a_number' && problem.value !== values.lat.trim()) return 'lng';
	return 'lat';
}

/** The first problem of each field, as the form shows them. */
export function problemsByField(problems: Problem[], values: EntryFormValues): Partial<Record<FormField, Problem>> {
	const byField: Partial<Record<FormField, Problem>> = {};
	for (const problem of problems) byField[formFieldOf(problem, values)] ??= problem;
	return byField;
}

/** The fields whose value `after` changes from `before`: what a save writes. */
export function changedFields(before: MapEntry, after: MapEntry): EntryPatch {
	const patch: Record<string, unknown> = {};
	for (const field of ENTRY_FIELDS) {
		if (!sameValue(before[field], after[field])) patch[field] = after[field];
	}
	return patch as EntryPatch;
}
