// The CSV a person can start from: the columns an export writes, in Italian,
// and one example row, saved with a byte order mark so Excel opens the
// accents right.
import { COLUMNS, LIST_SEPARATOR } from '../columns.ts';

const EXAMPLE: Record<string, string> = {
	nome: 'Sportello orientamento al lavoro',
	categoria: 'Servizio',
	sistema: 'Lavoro',
	destinatari: ['Giovani NEET', 'Over 50'].join(LIST_SEPARATOR),
	indirizzo: 'Via Marittima 12, Frosinone',
	latitudine: '41,6397',
	longitudine: '13,3509',
	posti: '20',
	orari: 'lun–ven 9–13',
	contatti: 'orientamento@example.it',
	note: 'Colloqui individuali e aiuto a scrivere il curriculum',
	etichette: ['orientamento', 'curriculum'].join(LIST_SEPARATOR)
};

/** The template's text: ; between cells, as Italian spreadsheets expect. */
export function templateCsv(): string {
	const columns = COLUMNS.filter((column) => column.key !== 'id').map((column) => column.it);
	return `${columns.join(';')}\r\n${columns.map((column) => EXAMPLE[column] ?? '').join(';')}\r\n`;
}

/** The template as a link's address, so it downloads without a request to the server. */
export const templateHref = (): string => `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${templateCsv()}`)}`;
