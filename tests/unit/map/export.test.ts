import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { entriesToCsv, entriesToGeoJson, numberCell, textCell } from '../../../src/lib/map/export.ts';
import { COLUMNS, LIST_SEPARATOR, categoryFrom, columnOf, systemFrom, targetFrom } from '../../../src/lib/map/columns.ts';
import { blankEntry, type MapEntry } from '../../../src/lib/map/entry.ts';
import { PARTNERS, PLACES } from '../../fixtures/frosinone.ts';

const PONTE = PARTNERS.ilPonte.id;
const partners = new Map([[PONTE, PARTNERS.ilPonte.name]]);

const tirocini: MapEntry = blankEntry('0b7c3a52-5d7e-4c1a-9a51-0c5e8f4b2a10', {
	name: 'Tirocini in manutenzione del verde',
	category: 'opportunity',
	system: 'employment',
	targets: ['mental_health', 'long_term_unemployed'],
	partnerId: PONTE,
	address: 'Via Casilina Sud 112, Frosinone',
	position: PLACES.frosinone,
	places: 6,
	hours: 'lun–ven 8–14',
	contacts: 'inserimenti@ilponte.example',
	notes: 'Borsa lavoro di 6 mesi con tutor.',
	tags: ['verde', 'tirocinio']
});
const bisogno: MapEntry = blankEntry('6f1d2c3b-0a4e-4b5f-8c7d-9e0f1a2b3c4d', {
	name: 'Trasporto verso i luoghi di tirocinio',
	category: 'need',
	system: 'social',
	targets: ['disability']
});

/** The CSV as a spreadsheet reads it: rows of cells, split on `;`. */
function cells(csv: string): string[][] {
	return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
}

describe('entriesToCsv', () => {
	it('writes a UTF-8 BOM, the Italian column names separated by semicolons, and CRLF line ends', () => {
		const csv = entriesToCsv([tirocini], partners);
		expect(csv.startsWith('\uFEFFid;nome;categoria;sistema;destinatari;partner;indirizzo;latitudine;longitudine;')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.split('\r\n')).toHaveLength(3);
	});

	it('writes an empty map as its header alone', () => {
		expect(cells(entriesToCsv([], partners))).toEqual([COLUMNS.map((column) => column.it)]);
	});

	it('writes Italian words, the partner by name, lists joined by the separator and numbers with a decimal comma', () => {
		const [, row] = cells(entriesToCsv([tirocini], partners));
		expect(Object.fromEntries(COLUMNS.map((column, i) => [column.it, row[i]]))).toEqual({
			id: tirocini.id,
			nome: 'Tirocini in manutenzione del verde',
			categoria: 'Opportunità di lavoro o tirocinio',
			sistema: 'Lavoro',
			destinatari: `Salute mentale${LIST_SEPARATOR}Disoccupati di lunga durata`,
			partner: 'Cooperativa sociale Il Ponte',
			indirizzo: 'Via Casilina Sud 112, Frosinone',
			latitudine: '41,6397',
			longitudine: '13,3426',
			posti: '6',
			orari: 'lun–ven 8–14',
			contatti: 'inserimenti@ilponte.example',
			note: 'Borsa lavoro di 6 mesi con tutor.',
			etichette: 'verde|tirocinio'
		});
	});

	it('leaves empty the cells of what an entry does not have', () => {
		const [, row] = cells(entriesToCsv([bisogno], partners));
		const byKey = Object.fromEntries(COLUMNS.map((column, i) => [column.key, row[i]]));
		expect(byKey).toMatchObject({ partner: '', address: '', lat: '', lng: '', places: '', hours: '', tags: '' });
	});

	it('reads back through the import vocabulary as the same codes', () => {
		const [header, row] = cells(entriesToCsv([tirocini], partners));
		const read = Object.fromEntries(header.map((name, i) => [columnOf(name)!.key, row[i]]));
		expect(categoryFrom(read.category)).toBe('opportunity');
		expect(systemFrom(read.system)).toBe('employment');
		expect(read.targets.split(LIST_SEPARATOR).map(targetFrom)).toEqual(['mental_health', 'long_term_unemployed']);
	});

	it('quotes a cell holding the separator, a quote or a line break, doubling its quotes', () => {
		const tricky = blankEntry(bisogno.id, { name: 'Sportello "Porta aperta"; Sora', notes: 'Prima riga\nseconda riga' });
		const csv = entriesToCsv([tricky], partners);
		expect(csv).toContain('"Sportello ""Porta aperta""; Sora"');
		expect(csv).toContain('"Prima riga\nseconda riga"');
		const [, row] = cells(csv);
		expect(row[1]).toBe('Sportello "Porta aperta"; Sora');
		expect(row[12]).toBe('Prima riga\nseconda riga');
	});

	it('keeps a spreadsheet from running a cell as a formula', () => {
		const hostile = blankEntry(bisogno.id, {
			name: '=HYPERLINK("http://evil.example";"clicca")',
			address: '@SUM(1+1)',
			contacts: '+39 0775 123456',
			notes: '-2+3',
			hours: '\tlun',
			tags: ['=1+1']
		});
		const [, row] = cells(entriesToCsv([hostile], new Map()));
		const byKey = Object.fromEntries(COLUMNS.map((column, i) => [column.key, row[i]]));
		expect(byKey).toMatchObject({
			name: `'=HYPERLINK("http://evil.example";"clicca")`,
			address: "'@SUM(1+1)",
			contacts: "'+39 0775 123456",
			notes: "'-2+3",
			hours: "'\tlun",
			tags: "'=1+1"
		});
	});

	it('writes a partner that is no longer in the network as an empty cell', () => {
		const [, row] = cells(entriesToCsv([tirocini], new Map()));
		expect(row[5]).toBe('');
	});
});

describe('cells', () => {
	it('escapes each character a spreadsheet starts a formula with, and nothing else', () => {
		expect(['=1', '+1', '-1', '@a', '\t1', '\r1'].map(textCell)).toEqual(["'=1", "'+1", "'-1", "'@a", "'\t1", "'\r1"]);
		expect(['Via Roma', '1+1', 'a=b', ''].map(textCell)).toEqual(['Via Roma', '1+1', 'a=b', '']);
	});

	it('writes numbers with a decimal comma, without exponent, negative ones as numbers', () => {
		expect([41.6397, -0.1275, 0.0000001, 13, 100_000, null].map(numberCell)).toEqual(['41,6397', '-0,1275', '0,0000001', '13', '100000', '']);
	});
});

describe('entriesToGeoJson', () => {
	it('writes a FeatureCollection with a Point at [longitude, latitude] and the fields as properties', () => {
		const collection = entriesToGeoJson([tirocini], partners);
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.features).toEqual([
			{
				type: 'Feature',
				id: tirocini.id,
				geometry: { type: 'Point', coordinates: [13.3426, 41.6397] },
				properties: {
					id: tirocini.id,
					nome: 'Tirocini in manutenzione del verde',
					categoria: 'opportunity',
					sistema: 'employment',
					destinatari: ['mental_health', 'long_term_unemployed'],
					partner: 'Cooperativa sociale Il Ponte',
					partner_id: PONTE,
					indirizzo: 'Via Casilina Sud 112, Frosinone',
					posti: 6,
					orari: 'lun–ven 8–14',
					contatti: 'inserimenti@ilponte.example',
					note: 'Borsa lavoro di 6 mesi con tutor.',
					etichette: ['verde', 'tirocinio']
				}
			}
		]);
	});

	it('gives an entry without a place no geometry, and a partner it cannot name none', () => {
		const [feature] = entriesToGeoJson([{ ...bisogno, partnerId: PONTE }], new Map()).features;
		expect(feature.geometry).toBeNull();
		expect(feature.properties).toMatchObject({ partner: null, partner_id: PONTE, posti: null, destinatari: ['disability'] });
	});

	it('names every property by a column the import knows', () => {
		const [feature] = entriesToGeoJson([tirocini], partners).features;
		const unknown = Object.keys(feature.properties).filter((name) => columnOf(name) === null);
		expect(unknown).toEqual(['partner_id']);
	});
});
