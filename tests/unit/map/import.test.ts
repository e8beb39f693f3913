import { describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../../src/lib/map/import/analyse.ts';
import type { Message } from '../../../src/lib/map/import/problems.ts';
import { templateCsv } from '../../../src/lib/map/import/template.ts';
import { EXCEL_CSV, EXISTING_ID, PARTNERS, options, utf8, windows1252 } from './import-samples.ts';

function analysed(bytes: Uint8Array, fileName = 'mappa.csv', extra = {}): Analysis {
	const result = analyse(bytes, options(fileName, extra));
	if (result.error) throw new Error(`refused: ${JSON.stringify(result.error)}`);
	return result.analysis;
}

function refused(bytes: Uint8Array, fileName = 'mappa.csv', extra = {}): Message {
	const result = analyse(bytes, options(fileName, extra));
	if (!result.error) throw new Error('expected the file to be refused');
	return result.error;
}

const HEADER = 'nome;categoria;sistema;destinatari;partner;latitudine;longitudine';

describe('a CSV saved by Excel on an Italian Windows machine', () => {
	const bytes = windows1252(EXCEL_CSV);

	it('is read as Windows-1252 with its accents, and says so', () => {
		const analysis = analysed(bytes);
		expect(analysis.notices).toContainEqual({ code: 'mapImport.notice.windows_1252' });
		expect(analysis.notices).toContainEqual({ code: 'mapImport.notice.separator_found', params: { separator: ';' } });
		expect(analysis.entries.map((entry) => entry.name)).toEqual(['Laboratorio di falegnameria', 'Centro di salute mentale']);
		// «Opportunità» alone is not a category: the message shows the word with its accent intact.
		expect(analysis.problems).toEqual([{ row: 4, field: 'categoria', code: 'map.problem.unknown_category', value: 'Opportunità' }]);
	});

	it('turns the Italian words into codes and decimal commas into numbers', () => {
		const [workshop, mentalHealth] = analysed(bytes).entries;
		expect(workshop).toMatchObject({
			category: 'opportunity',
			system: 'employment',
			targets: ['neet', 'long_term_unemployed'],
			partnerId: PARTNERS[0].id,
			address: 'Via Città di Sora 12, Isola del Liri',
			position: { lat: 41.6397, lng: 13.5725 },
			places: 1200,
			tags: ['falegnameria', 'tirocinio']
		});
		expect(mentalHealth).toMatchObject({
			category: 'service',
			system: 'health',
			targets: ['mental_health'],
			partnerId: PARTNERS[1].id,
			address: 'Via Armando Fabi 5; Frosinone',
			notes: 'Accesso diretto,\nanche senza impegnativa',
			places: null,
			tags: []
		});
	});

	it('counts the valid rows as new and gives each a fresh id', () => {
		const analysis = analysed(bytes);
		expect(analysis).toMatchObject({ format: 'csv', rows: 3, added: 2, updated: 0, refused: 1 });
		expect(new Set(analysis.entries.map((entry) => entry.id)).size).toBe(2);
	});

	it('reads the row once its category is one of the words', () => {
		const fixed = analysed(windows1252(EXCEL_CSV.replace(';Opportunità;', ';Opportunità di lavoro o tirocinio;')));
		expect(fixed.entries[2]).toMatchObject({ category: 'opportunity', partnerId: PARTNERS[2].id, position: { lat: 41.7172, lng: 13.613 } });
	});
});

describe('a CSV in UTF-8 with a byte order mark, commas and English headers', () => {
	const file = [
		'Name,Category,System,Target groups,Organisation,Latitude,Longitude,Places,Tags',
		'"Food bank, Sora",resource,social,homeless|migrants,,41.72,13.61,"1,500","food, solidarity"',
		'Job club,opportunity,employment,Over 50,,,,12,'
	].join('\n');

	it('drops the mark, finds the comma and reads English words and numbers', () => {
		const analysis = analysed(utf8(file, true));
		expect(analysis.notices).toEqual([{ code: 'mapImport.notice.separator_found', params: { separator: ',' } }]);
		expect(analysis.entries[0]).toMatchObject({
			name: 'Food bank, Sora',
			category: 'resource',
			targets: ['homeless', 'migrants'],
			position: { lat: 41.72, lng: 13.61 },
			places: 1500,
			tags: ['food', 'solidarity']
		});
		expect(analysis.entries[1]).toMatchObject({ name: 'Job club', targets: ['over_50'], position: null, places: 12 });
	});

	it('reads a tab-separated file too', () => {
		const analysis = analysed(utf8('nome\tcategoria\tsistema\nMensa\trisorsa\tsociale\n'), 'mappa.tsv');
		expect(analysis.notices).toContainEqual({ code: 'mapImport.notice.separator_found', params: { separator: '\t' } });
		expect(analysis.entries[0]).toMatchObject({ name: 'Mensa', category: 'resource', system: 'social' });
	});
});

describe('rows with problems', () => {
	const file = [
		HEADER,
		'Centro diurno;servizio;sociale;Persone con disabilità;;41,6;13,3', // row 2: good
		'Casa famiglia;servizio;sociale;anziani|migranti;;141,6;13,3', // row 3: unknown target, latitude out of range
		'Orto sociale;orto;agricoltura;;Cooperativa Inesistente;;', // row 4: unknown category, system, partner
		';bisogno;lavoro;;;41,6;', // row 5: no name, half a position
		'Emporio solidale;risorsa;sociale;;;41,6;quaranta' // row 6: not a number
	].join('\n');

	it('reports each problem with its row as a spreadsheet numbers it, the column as the file names it, and the value', () => {
		const analysis = analysed(utf8(file));
		expect(analysis.problems).toEqual([
			{ row: 3, field: 'destinatari', code: 'map.problem.unknown_target', value: 'anziani' },
			{ row: 3, field: 'latitudine', code: 'map.problem.lat_range', value: '141.6' },
			{ row: 4, field: 'partner', code: 'mapImport.problem.unknown_partner', value: 'Cooperativa Inesistente' },
			{ row: 4, field: 'categoria', code: 'map.problem.unknown_category', value: 'orto' },
			{ row: 4, field: 'sistema', code: 'map.problem.unknown_system', value: 'agricoltura' },
			{ row: 5, field: 'nome', code: 'map.problem.required' },
			{ row: 5, field: 'longitudine', code: 'map.problem.position_half' },
			{ row: 6, field: 'longitudine', code: 'map.problem.not_a_number', value: 'quaranta' }
		]);
		expect(analysis).toMatchObject({ rows: 5, refused: 4, added: 1 });
		expect(analysis.entries.map((entry) => entry.name)).toEqual(['Centro diurno']);
	});

	it('finds a longitude out of range', () => {
		const analysis = analysed(utf8(`${HEADER}\nPunto;risorsa;sociale;;;41,6;213,3`));
		expect(analysis.problems).toEqual([{ row: 2, field: 'longitudine', code: 'map.problem.lng_range', value: '213.3' }]);
	});

	it('counts rows after a cell with a line break the way a spreadsheet shows them', () => {
		const analysis = analysed(utf8(`${HEADER}\nUno;risorsa;sociale;;;;\n"Due\nrighe";risorsa;sociale;;;;\nTre;orto;sociale;;;;`));
		expect(analysis.problems).toEqual([{ row: 4, field: 'categoria', code: 'map.problem.unknown_category', value: 'orto' }]);
	});

	it('refuses a row whose cells spill past the header, as an unquoted separator does', () => {
		const analysis = analysed(utf8('nome,categoria,sistema,indirizzo\nMensa,risorsa,sociale,Via Roma, 12'));
		expect(analysis.problems).toEqual([{ row: 2, field: 'indirizzo', code: 'mapImport.problem.too_many_cells', value: '12' }]);
	});

	it('refuses a row whose quotes never close', () => {
		const analysis = analysed(utf8(`${HEADER}\nUno;risorsa;sociale;;;;\n"Due;risorsa;sociale;;;;`));
		expect(analysis.problems).toEqual([{ row: 3, field: 'nome', code: 'mapImport.problem.quotes' }]);
		expect(analysis.entries).toHaveLength(1);
	});

	it('skips empty lines without shifting the row numbers', () => {
		const analysis = analysed(utf8(`${HEADER}\n\nUno;orto;sociale;;;;\n;;;;;;\n`));
		expect(analysis.problems).toEqual([{ row: 3, field: 'categoria', code: 'map.problem.unknown_category', value: 'orto' }]);
		expect(analysis.rows).toBe(1);
	});
});

describe('ids', () => {
	const header = 'id;nome;categoria;sistema';
	it('updates the entry with an id the map has, adds the others, refuses an id given twice', () => {
		const other = 'e2000000-0000-4000-8000-000000000002';
		const analysis = analysed(
			utf8([header, `${EXISTING_ID};Mensa;risorsa;sociale`, `${other};Dormitorio;servizio;sociale`, `${other};Doppione;servizio;sociale`, 'non-un-id;Altro;servizio;sociale'].join('\n'))
		);
		expect(analysis).toMatchObject({ added: 1, updated: 1, refused: 2 });
		expect(analysis.entries.map((entry) => entry.id)).toEqual([EXISTING_ID, other]);
		expect(analysis.problems).toEqual([
			{ row: 4, field: 'id', code: 'mapImport.problem.duplicate_id', value: '3' },
			{ row: 5, field: 'id', code: 'map.problem.bad_id', value: 'non-un-id' }
		]);
	});

	it('finds a partner whatever its apostrophes, dashes, spaces, case and accents', () => {
		const analysis = analysed(
			utf8("nome;categoria;sistema;partner\nUno;risorsa;sociale;centro per l'impiego  di SORA\nDue;risorsa;sociale;ASL Frosinone - Dipartimento di Salute Mentale")
		);
		expect(analysis.entries.map((entry) => entry.partnerId)).toEqual([PARTNERS[2].id, PARTNERS[1].id]);
	});

	it('finds a partner by its id as well as by its name', () => {
		const analysis = analysed(utf8(`nome;categoria;sistema;ente\nMensa;risorsa;sociale;${PARTNERS[2].id.toUpperCase()}`));
		expect(analysis.entries[0].partnerId).toBe(PARTNERS[2].id);
	});
});

describe('files that cannot be imported', () => {
	it('names an empty file, a header alone, and a binary file', () => {
		expect(refused(new Uint8Array())).toEqual({ code: 'mapImport.file.empty' });
		expect(refused(utf8(' \r\n\r\n'))).toEqual({ code: 'mapImport.file.empty' });
		expect(refused(utf8(`${HEADER}\r\n`))).toEqual({ code: 'mapImport.file.header_only' });
		const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
		expect(refused(xlsx, 'mappa.xlsx')).toEqual({ code: 'mapImport.file.binary' });
		expect(refused(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), 'mappa.csv')).toEqual({ code: 'mapImport.file.binary' });
	});

	it('refuses 50,000 rows with the count, before parsing them', () => {
		const row = 'Sportello;servizio;sociale;;;41,6;13,3\n';
		const text = HEADER + '\n' + row.repeat(50_000);
		const started = performance.now();
		expect(refused(utf8(text))).toEqual({ code: 'mapImport.file.too_many_rows', params: { count: 50_000, limit: 10_000 } });
		expect(performance.now() - started).toBeLessThan(2_000);
	});

	it('refuses a file over 10 MB with its size', () => {
		const error = refused(new Uint8Array(11 * 1024 * 1024).fill(0x61));
		expect(error).toEqual({ code: 'mapImport.file.too_big', params: { size: 11, limit: 10 } });
	});

	it('says which separator the header reads with when the chosen one gives a single column', () => {
		const error = refused(utf8('nome,categoria,sistema\nMensa,risorsa,sociale'), 'mappa.csv', { separator: ';' });
		expect(error).toEqual({ code: 'mapImport.file.wrong_separator', params: { header: 'nome,categoria,sistema', separator: ',' } });
	});

	it('guesses an unusual separator in a single-column header', () => {
		expect(refused(utf8('nome|categoria|sistema\nMensa|risorsa|sociale'))).toEqual({
			code: 'mapImport.file.one_column_guess',
			params: { header: 'nome|categoria|sistema', separator: '|' }
		});
		expect(refused(utf8('Elenco dei servizi\nMensa'))).toEqual({ code: 'mapImport.file.one_column', params: { header: 'Elenco dei servizi' } });
	});

	it('lists the columns found when none is the name', () => {
		expect(refused(utf8('titolo;tipo;zona\nMensa;risorsa;centro'))).toEqual({
			code: 'mapImport.file.no_name_column',
			params: { columns: '«titolo», «tipo», «zona»' }
		});
	});
});

describe('line endings', () => {
	it('reads rows ended by a lone CR, as old Mac spreadsheets write them', () => {
		const analysis = analysed(utf8('nome;categoria;sistema\rMensa;risorsa;sociale\rDormitorio;orto;sociale'));
		expect(analysis.entries.map((entry) => entry.name)).toEqual(['Mensa']);
		expect(analysis.problems).toEqual([{ row: 3, field: 'categoria', code: 'map.problem.unknown_category', value: 'orto' }]);
	});

	it('counts a row of empty cells as empty', () => {
		expect(refused(utf8('nome;categoria;sistema\r\n;;\r\n'))).toEqual({ code: 'mapImport.file.header_only' });
	});
});

describe('notices', () => {
	it('says once that the required columns are missing, beside each row’s problem', () => {
		const analysis = analysed(utf8('nome;destinatari\nMensa;Migranti'));
		expect(analysis.notices).toContainEqual({ code: 'mapImport.notice.missing_columns', params: { columns: '«categoria», «sistema»' } });
		expect(analysis.problems.map((problem) => problem.field)).toEqual(['categoria', 'sistema']);
	});

	it('names the columns it ignores', () => {
		const analysis = analysed(utf8('nome;categoria;sistema;referente;comune\nMensa;risorsa;sociale;Anna;Sora'));
		expect(analysis.notices).toContainEqual({ code: 'mapImport.notice.ignored_columns', params: { columns: '«referente», «comune»' } });
	});
});

describe('the CSV template', () => {
	it('is read back by the import as one valid entry with every column filled but the partner', () => {
		const analysis = analysed(utf8(templateCsv(), true));
		expect(analysis.problems).toEqual([]);
		expect(analysis.notices).toEqual([{ code: 'mapImport.notice.separator_found', params: { separator: ';' } }]);
		expect(analysis.entries[0]).toMatchObject({
			category: 'service',
			system: 'employment',
			targets: ['neet', 'over_50'],
			partnerId: null,
			position: { lat: 41.6397, lng: 13.3509 },
			places: 20,
			tags: ['orientamento', 'curriculum']
		});
	});
});

describe('new ids', () => {
	it('are UUIDs even where crypto.randomUUID is missing, as on a server reached over plain http', () => {
		const randomUUID = crypto.randomUUID;
		Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
		try {
			const analysis = analysed(utf8('nome;categoria;sistema\nMensa;risorsa;sociale\nDormitorio;servizio;sociale'));
			const [first, second] = analysis.entries.map((entry) => entry.id);
			expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			expect(second).not.toBe(first);
		} finally {
			Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
		}
	});
});
