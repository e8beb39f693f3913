import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/lib/server/activity/csv.ts';
import { activityCsv, exportName } from '../../../src/lib/server/activity/export.ts';
import { entryFor } from './factories.ts';

/** A minimal RFC 4180 reader, to check that what is written reads back as it was. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\r' && text[i + 1] === '\n') rows.push([...row, field]), (row = []), (field = ''), i++;
		else field += c;
	}
	return rows;
}

describe('the CSV writer', () => {
	it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
		const csv = toCsv([['a', 'b'], ['città', 'è']]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.slice(1)).toBe('a,b\r\ncittà,è\r\n');
		expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
	});

	it('quotes a field with a comma, a quote or a line break, doubling its quotes', () => {
		expect(csvField('semplice')).toBe('semplice');
		expect(csvField('Rossi, Mario')).toBe('"Rossi, Mario"');
		expect(csvField('il "patto"')).toBe('"il ""patto"""');
		expect(csvField('riga uno\nriga due')).toBe('"riga uno\nriga due"');
		expect(csvField('a\r\nb')).toBe('"a\r\nb"');
		expect(csvField('')).toBe('');
	});

	it('makes a cell a spreadsheet would run as a formula plain text', () => {
		for (const start of ['=', '+', '-', '@', '\t', '\r']) {
			expect(csvField(`${start}HYPERLINK("http://x")`).replace(/^"/, '')).toMatch(new RegExp(`^'\\${start}`));
		}
		expect(csvField('=1+1')).toBe("'=1+1");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
		expect(csvField('a = b')).toBe('a = b');
	});

	it('reads back exactly what was written', () => {
		const rows = [
			['intestazione', 'con, virgola'],
			['"citato"', 'a capo\r\ne poi'],
			['', 'ultima']
		];
		expect(parseCsv(toCsv(rows).slice(1))).toEqual(rows);
	});
});

describe('the activity export', () => {
	it('has the columns in the person’s language and one row per entry in words', () => {
		const rows = parseCsv(activityCsv('it', [entryFor('member_role_changed'), entryFor('document_edited')]).slice(1));
		expect(rows[0]).toEqual([
			'data e ora (UTC)',
			'data e ora locale (Europe/Rome)',
			'persona',
			'organizzazione',
			'azione',
			'oggetto',
			'dettagli'
		]);
		expect(rows[1]).toEqual([
			'2026-11-23T16:05:09.000Z',
			'2026-11-23 17:05:09',
			'Marco Ferri',
			'Cooperativa sociale Il Ponte',
			'Ruolo cambiato',
			'Anna Colombo',
			'da redattore a commentatore'
		]);
		expect(rows[2][4]).toBe('Documento modificato');
		expect(parseCsv(activityCsv('en', []).slice(1))[0][0]).toBe('date and time (UTC)');
	});

	it('writes a file moved between folders with where it went, in English too', () => {
		const rows = parseCsv(activityCsv('en', [entryFor('file_moved', { details: { from: 'Bandi', to: 'Avvisi' } })]).slice(1));
		expect(rows[1].slice(4)).toEqual(['File moved', 'Avviso pubblico.pdf', 'from the folder “Bandi” to the folder “Avvisi”']);
	});

	it('neutralises a title that would run as a formula', () => {
		const csv = activityCsv('it', [entryFor('document_created', { subjectTitle: '=HYPERLINK("http://evil")' })]);
		expect(parseCsv(csv.slice(1))[1][5]).toBe(`'=HYPERLINK("http://evil")`);
	});

	it('names the file after the network and the day in Rome', () => {
		// 23:30 UTC on 31 December is already New Year's Day in Italy.
		expect(exportName('Inserimento lavorativo – Ambito di Frosinone 2027', new Date('2026-12-31T23:30:00Z'))).toBe(
			'attivita-inserimento-lavorativo-ambito-di-frosinone-2027-2027-01-01'
		);
	});
});
