import { describe, expect, it } from 'vitest';
import { blankEntry } from '../../../src/lib/map/entry.ts';
import {
	changedFields,
	entryFromForm,
	formValuesOf,
	problemsByField,
	type EntryFormValues
} from '../../../src/lib/map/entry-form.ts';
import { PARTNERS, PLACES } from '../../fixtures/frosinone.ts';

const ID = '7c1f0a52-3d4e-4f60-8a7b-9c0d1e2f3a4b';
const sportello = blankEntry(ID, {
	name: 'Sportello lavoro Frosinone',
	category: 'service',
	system: 'employment',
	targets: ['long_term_unemployed', 'over_50'],
	partnerId: PARTNERS.cpi.id,
	address: 'Via Aldo Moro 12, Frosinone',
	position: PLACES.frosinone,
	places: 30,
	hours: 'lun–ven 9–13',
	contacts: 'sportello@comune.frosinone.it',
	notes: 'Su appuntamento',
	tags: ['orientamento', 'tirocini']
});
const form = (changes: Partial<EntryFormValues> = {}): EntryFormValues => ({ ...formValuesOf(sportello), ...changes });

describe('the entry form', () => {
	it('gives back the same entry it was filled from', () => {
		expect(entryFromForm(ID, form())).toEqual({ entry: sportello, problems: [] });
	});

	it('reads Italian decimal commas, thousands and comma-separated tags', () => {
		const { entry } = entryFromForm(ID, form({ lat: '41,7', lng: '13,25', places: '1.000', tags: 'orientamento, , NEET ' }));
		expect(entry?.position).toEqual({ lat: 41.7, lng: 13.25 });
		expect(entry?.places).toBe(1000);
		expect(entry?.tags).toEqual(['orientamento', 'NEET']);
	});

	it('leaves the position out when both coordinates are empty, and no partner when none is chosen', () => {
		const { entry } = entryFromForm(ID, form({ lat: '', lng: ' ', partnerId: '', places: '' }));
		expect(entry?.position).toBeNull();
		expect(entry?.partnerId).toBeNull();
		expect(entry?.places).toBeNull();
	});

	it('puts each coordinate’s problem beside the box to correct', () => {
		const values = form({ lat: '95', lng: '13.3' });
		expect(problemsByField(entryFromForm(ID, values).problems, values)).toEqual({
			lat: { field: 'position', code: 'lat_range', value: '95' }
		});
		const both = form({ lat: 'nord', lng: '200' });
		expect(problemsByField(entryFromForm(ID, both).problems, both)).toEqual({
			lat: { field: 'position', code: 'not_a_number', value: 'nord' },
			lng: { field: 'position', code: 'lng_range', value: '200' }
		});
		const east = form({ lat: '41.6', lng: 'est' });
		expect(problemsByField(entryFromForm(ID, east).problems, east)).toEqual({
			lng: { field: 'position', code: 'not_a_number', value: 'est' }
		});
	});

	it('asks for the missing half of a position where it is missing', () => {
		const values = form({ lat: '41.6', lng: '' });
		expect(problemsByField(entryFromForm(ID, values).problems, values)).toEqual({ lng: { field: 'position', code: 'position_half' } });
		const other = form({ lat: '', lng: '13.3' });
		expect(problemsByField(entryFromForm(ID, other).problems, other)).toEqual({ lat: { field: 'position', code: 'position_half' } });
	});

	it('reports a missing name and a fraction of places at once', () => {
		const values = form({ name: '  ', places: '2,5' });
		expect(problemsByField(entryFromForm(ID, values).problems, values)).toEqual({
			name: { field: 'name', code: 'required' },
			places: { field: 'places', code: 'places_range', value: '2.5' }
		});
	});
});

describe('changedFields', () => {
	it('names only what the person changed, so others’ changes to other fields survive', () => {
		const after = { ...sportello, hours: 'lun–sab 9–13', targets: ['over_50' as const], position: null };
		expect(changedFields(sportello, after)).toEqual({ hours: 'lun–sab 9–13', targets: ['over_50'], position: null });
	});

	it('is empty when nothing changed', () => {
		expect(changedFields(sportello, { ...sportello, tags: [...sportello.tags] })).toEqual({});
	});
});
