import { describe, expect, it } from 'vitest';
import { entriesToCsv, entriesToGeoJson } from '../../../src/lib/map/export.ts';
import { analyse } from '../../../src/lib/map/import/analyse.ts';
import { blankEntry, type MapEntry } from '../../../src/lib/map/entry.ts';
import { PARTNERS } from '../../fixtures/frosinone.ts';

// What Trama exports, Trama imports back unchanged: a network moves its map
// between documents, or edits it in a spreadsheet or a GIS and brings it home.

const { ilPonte: PONTE, comune: COMUNE } = PARTNERS;
const partners = [PONTE, COMUNE];
const names = new Map(partners.map((p) => [p.id, p.name]));

const entries: MapEntry[] = [
	blankEntry('0b7c3a52-5d7e-4c1a-9a51-0c5e8f4b2a10', {
		name: 'Tirocini in manutenzione del verde; «Città pulita»',
		category: 'opportunity',
		system: 'employment',
		targets: ['mental_health', 'long_term_unemployed'],
		partnerId: PONTE.id,
		address: 'Via Casilina Sud 112, Frosinone',
		position: { lat: 41.639712, lng: 13.342604 },
		places: 1200,
		hours: 'lun–ven 8–14',
		contacts: 'inserimenti@ilponte.example\n0775 123456',
		notes: '=SOMMA(A1) non è una formula: "virgolette", punto e virgola; a capo\nseconda riga',
		tags: ['verde', 'tirocinio']
	}),
	blankEntry('6f1d2c3b-0a4e-4b5f-8c7d-9e0f1a2b3c4d', {
		name: 'Trasporto verso i luoghi di tirocinio',
		category: 'need',
		system: 'social',
		targets: ['disability', 'over_50'],
		partnerId: COMUNE.id,
		position: { lat: -33.5, lng: -70.25 }
	}),
	blankEntry('7a2e4d6f-1b3c-4d5e-8f9a-0b1c2d3e4f5a', { name: 'Luogo senza posizione', category: 'meeting_place', system: 'health' })
];

const importBack = (fileName: string, text: string) => {
	const result = analyse(new TextEncoder().encode(text), { fileName, partners, existingIds: [] });
	if (result.error) throw new Error(JSON.stringify(result.error));
	return result.analysis;
};

describe('export then import', () => {
	it('brings back every field of every entry from the CSV', () => {
		const back = importBack('mappa.csv', entriesToCsv(entries, names));
		expect(back.problems).toEqual([]);
		expect(back.entries).toEqual(entries);
	});

	it('brings back every field of every entry from the GeoJSON', () => {
		const back = importBack('mappa.geojson', JSON.stringify(entriesToGeoJson(entries, names)));
		expect(back.problems).toEqual([]);
		expect(back.entries).toEqual(entries);
	});

	it('an export imported into the same map updates its entries rather than doubling them', () => {
		const result = analyse(new TextEncoder().encode(entriesToCsv(entries, names)), {
			fileName: 'mappa.csv',
			partners,
			existingIds: entries.map((e) => e.id)
		});
		expect(result.analysis).toMatchObject({ added: 0, updated: 3 });
	});
});
