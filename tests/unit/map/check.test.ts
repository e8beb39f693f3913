import { describe, expect, it } from 'vitest';
import { checkEntry } from '../../../src/lib/map/check.ts';
import { blankEntry } from '../../../src/lib/map/entry.ts';

const ID = '5b1f3c2e-8d4a-4c1b-9e2f-0a1b2c3d4e5f';
const PARTNER = 'b0000000-0000-4000-8000-000000000001';

const valid = () => ({
	...blankEntry(ID),
	name: '  Sportello lavoro del Comune di Sora ',
	category: 'service',
	system: 'employment',
	targets: ['neet', 'long_term_unemployed', 'neet'],
	partnerId: PARTNER.toUpperCase(),
	address: 'Corso Volsci 111, 03039 Sora (FR)',
	position: { lat: 41.7176, lng: 13.6132 },
	places: 40,
	hours: 'lun–ven 9–13',
	tags: ['orientamento', ' orientamento ', 'tirocini']
});

describe('checkEntry', () => {
	it('tidies a good entry: trimmed text, no repeated targets or tags, lower-case ids', () => {
		const { entry, problems } = checkEntry(valid());
		expect(problems).toEqual([]);
		expect(entry).toMatchObject({
			name: 'Sportello lavoro del Comune di Sora',
			targets: ['neet', 'long_term_unemployed'],
			partnerId: PARTNER,
			tags: ['orientamento', 'tirocini']
		});
	});

	it('reports every problem of an entry at once, with the offending values', () => {
		const { entry, problems } = checkEntry({
			id: 'not-an-id',
			name: ' ',
			category: 'servizi',
			system: 'sanita',
			targets: ['migrants', 'anziani'],
			position: { lat: 141.2, lng: -200 },
			places: 2.5,
			tags: ['x'.repeat(41)]
		});
		expect(entry).toBeNull();
		expect(problems).toEqual([
			{ field: 'id', code: 'bad_id', value: 'not-an-id' },
			{ field: 'name', code: 'required' },
			{ field: 'category', code: 'unknown_category', value: 'servizi' },
			{ field: 'system', code: 'unknown_system', value: 'sanita' },
			{ field: 'targets', code: 'unknown_target', value: 'anziani' },
			{ field: 'position', code: 'lat_range', value: '141.2' },
			{ field: 'position', code: 'lng_range', value: '-200' },
			{ field: 'places', code: 'places_range', value: '2.5' },
			{ field: 'tags', code: 'tag_too_long', value: 'x'.repeat(41) }
		]);
	});

	it('accepts the edges of the ranges and refuses what lies just beyond', () => {
		expect(checkEntry({ ...valid(), position: { lat: -90, lng: 180 }, places: 0 }).problems).toEqual([]);
		expect(checkEntry({ ...valid(), position: { lat: 90.0001, lng: 0 } }).problems).toEqual([
			{ field: 'position', code: 'lat_range', value: '90.0001' }
		]);
		expect(checkEntry({ ...valid(), places: 100_001 }).problems[0].code).toBe('places_range');
	});

	it('refuses half a position, non-numbers and text where a number belongs', () => {
		expect(checkEntry({ ...valid(), position: { lat: 41.6 } }).problems).toEqual([{ field: 'position', code: 'position_half' }]);
		expect(checkEntry({ ...valid(), position: { lat: Number.NaN, lng: '13,3' } }).problems.map((p) => p.code)).toEqual([
			'not_a_number',
			'not_a_number'
		]);
		expect(checkEntry({ ...valid(), places: '40' }).problems).toEqual([{ field: 'places', code: 'not_a_number', value: '40' }]);
	});

	it('names a missing category or system as missing rather than unknown', () => {
		const codes = checkEntry({ ...valid(), category: undefined, system: '' }).problems.map((p) => `${p.field}:${p.code}`);
		expect(codes).toEqual(['category:required', 'system:required']);
	});

	it('bounds the free text and the number of tags', () => {
		const codes = checkEntry({
			...valid(),
			name: 'n'.repeat(201),
			notes: 'n'.repeat(4001),
			tags: Array.from({ length: 21 }, (_, i) => `tag${i}`)
		}).problems.map((p) => `${p.field}:${p.code}`);
		expect(codes).toEqual(['name:too_long', 'notes:too_long', 'tags:too_many_tags']);
	});
});
