// Real-looking rows of a territorial map for the import benchmark: the
// services, needs and opportunities of an Italian social district, with the
// demo network's partners, accents, decimal commas and a few mistakes, as
// a spreadsheet saved by Excel on Windows (; and Windows-1252) and as GeoJSON.
import { windows1252 } from '../tests/unit/map/import-samples.ts';

/** The demo network's partners (supabase/seed.sql). */
export const DEMO_PARTNERS = [
	['101', 'ASL Frosinone – Dipartimento di Salute Mentale'],
	['102', 'SerD Frosinone'],
	['103', 'Comune di Frosinone – Servizi sociali'],
	['104', 'Cooperativa sociale Arcobaleno'],
	['105', 'Associazione Famiglie in Rete'],
	['106', 'Ente di formazione Futuro Lavoro'],
	['108', "Centro per l'impiego di Frosinone"],
	['109', 'Cooperativa sociale Il Ponte']
].map(([n, name]) => ({ id: `de000000-0000-4000-8000-000000000${n}`, name }));
const PARTNERS = DEMO_PARTNERS.map((partner) => partner.name);
const KINDS: [string, string, string][] = [
	['Sportello orientamento', 'Servizio', 'Lavoro'],
	['Centro diurno', 'Servizio', 'Sociale'],
	['Tirocinio in falegnameria', 'Opportunità di lavoro o tirocinio', 'Lavoro'],
	['Corso di qualifica per operatore agricolo', 'Opportunità di lavoro o tirocinio', 'Formazione'],
	['Trasporto verso il lavoro', 'Bisogno', 'Sociale'],
	['Sala riunioni della parrocchia', 'Luogo di incontro', 'Sociale'],
	['Laboratorio di ceramica', 'Risorsa', 'Sanitario'],
	['Gruppo di auto mutuo aiuto', 'Luogo di incontro', 'Sanitario']
];
const TARGETS = ['Persone con disabilità', 'Salute mentale', 'Dipendenze', 'Migranti', 'Giovani NEET', 'Over 50', 'Disoccupati di lunga durata'];
const PLACES = ['Frosinone', 'Sora', 'Isola del Liri', 'Cassino', 'Alatri', 'Anagni', 'Ceccano', 'Veroli', 'Città di Castello'];
const HEADER = ['nome', 'categoria', 'sistema', 'destinatari', 'partner', 'indirizzo', 'latitudine', 'longitudine', 'posti', 'orari', 'contatti', 'note', 'etichette'];

export interface BenchRow {
	cells: string[];
	/** As written in the file, out of range in some rows. */
	lat: number;
	lng: number;
}

/** `count` rows, deterministic; every hundredth has a mistake an import must report. */
export function benchRows(count: number): BenchRow[] {
	return Array.from({ length: count }, (_, i) => {
		const [kind, category, system] = KINDS[i % KINDS.length];
		const place = PLACES[i % PLACES.length];
		const wrong = i % 100 === 99;
		// Half the mistakes are a latitude out of range, the other half an unknown category.
		const lat = 41.4 + ((i * 37) % 600) / 1000 + (wrong && i % 200 === 199 ? 100 : 0);
		const lng = 13.2 + ((i * 53) % 800) / 1000;
		return {
			lat,
			lng,
			cells: [
				`${kind} «${place}» n. ${i + 1}`,
				wrong && i % 200 === 99 ? 'Ufficio' : category,
				system,
				[TARGETS[i % TARGETS.length], TARGETS[(i + 3) % TARGETS.length]].join('|'),
				PARTNERS[i % PARTNERS.length],
				`Via Città della Pieve ${1 + (i % 120)}, ${place}`,
				lat.toFixed(5).replace('.', ','),
				lng.toFixed(5).replace('.', ','),
				String(5 + (i % 40)),
				'lun–ven 9–13 e 15–18',
				`sportello${i}@example.it`,
				'Accesso libero; per i tirocini serve un colloquio con l’équipe del Centro.',
				['inclusione', 'lavoro', place.toLowerCase()].join('|')
			]
		};
	});
}

const quoted = (cell: string) => (/[;"\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** The rows as Excel on Windows saves them: ; between cells, CRLF, Windows-1252. */
export const benchCsv = (rows: BenchRow[]): Uint8Array =>
	windows1252([HEADER, ...rows.map((row) => row.cells)].map((cells) => cells.map(quoted).join(';')).join('\r\n'));

/** The same rows as a GeoJSON FeatureCollection with the export's Italian property names. */
export function benchGeoJson(rows: BenchRow[]): Uint8Array {
	const features = rows.map(({ cells, lat, lng }) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [lng, lat] },
		properties: Object.fromEntries(HEADER.map((name, column) => [name, cells[column]]).filter(([name]) => name !== 'latitudine' && name !== 'longitudine'))
	}));
	return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
}
