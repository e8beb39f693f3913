// Import files as Italian networks make them, built in code so each test
// shows what it reads: spreadsheets saved from Excel on Windows (; and
// Windows-1252), from LibreOffice or Google Sheets (, and UTF-8 with a BOM).
import type { ImportOptions } from '../../../src/lib/map/import/analyse.ts';

export const PARTNERS = [
	{ id: 'a1000000-0000-4000-8000-000000000001', name: "Cooperativa sociale L'Aquilone" },
	{ id: 'a1000000-0000-4000-8000-000000000002', name: 'ASL Frosinone – Dipartimento di Salute Mentale' },
	{ id: 'a1000000-0000-4000-8000-000000000003', name: 'Centro per l’impiego di Sora' }
];

export const EXISTING_ID = 'e1000000-0000-4000-8000-000000000001';

export const options = (fileName: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
	fileName,
	partners: PARTNERS,
	existingIds: [EXISTING_ID],
	...extra
});

/** The characters Windows-1252 puts where Latin-1 has control codes, as Excel writes them. */
const WINDOWS_1252_EXTRAS: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** Text as Windows-1252 bytes. */
export function windows1252(text: string): Uint8Array {
	return Uint8Array.from(text, (char) => {
		const code = WINDOWS_1252_EXTRAS[char] ?? char.charCodeAt(0);
		if (code > 0xff) throw new Error(`not in Windows-1252: ${char}`);
		return code;
	});
}

export const utf8 = (text: string, bom = false): Uint8Array => new TextEncoder().encode(bom ? `\ufeff${text}` : text);

/** A file saved by Excel on an Italian Windows machine: ; between cells, CRLF, decimal commas. */
export const EXCEL_CSV = [
	'nome;categoria;sistema;destinatari;partner;indirizzo;latitudine;longitudine;posti;orari;contatti;note;etichette',
	"Laboratorio di falegnameria;Opportunità di lavoro o tirocinio;Lavoro;Giovani NEET|Disoccupati di lunga durata;Cooperativa sociale L'Aquilone;Via Città di Sora 12, Isola del Liri;41,6397;13,5725;1.200;lun-ven 8-14;aquilone@example.it;Tirocini retribuiti;falegnameria|tirocinio",
	'Centro di salute mentale;servizio;sanitario;salute mentale;asl frosinone – dipartimento di salute mentale;"Via Armando Fabi 5; Frosinone";41,6400;13,3500;;"lun-ven 8-20";0775 8821;"Accesso diretto,\nanche senza impegnativa";',
	'Sportello «Lavoro per tutti»;Opportunità;lavoro;over 50;Centro per l’impiego di Sora;Piazza Mayer Ross, Sora;41.7172;13.6130;;;;;'
].join('\r\n');
