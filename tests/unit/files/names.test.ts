import { describe, expect, it } from 'vitest';
import {
	extensionOf,
	MAX_NAME_BYTES,
	MAX_NAME_CHARS,
	numberedName,
	safeFileName
} from '../../../src/lib/files/names.ts';

const codePoints = (text: string) => [...text].length;
const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const graphemes = (text: string) => [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)].map((g) => g.segment);

/** Fits the caps, is safe by every rule, and is its own safe name. */
function expectSafe(name: string) {
	expect(name).not.toBe('');
	expect(codePoints(name), name).toBeLessThanOrEqual(MAX_NAME_CHARS);
	expect(utf8Bytes(name), name).toBeLessThanOrEqual(MAX_NAME_BYTES);
	expect(name).not.toMatch(/[/\\<>:"|?*\p{Cc}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uFEFF]/u);
	expect(name).not.toMatch(/^\s|[\s.]$/);
	expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
	expect(name.isWellFormed()).toBe(true);
	expect(name.normalize('NFC')).toBe(name);
	expect(safeFileName(name)).toBe(name);
}

describe('safe file names', () => {
	it.each([
		['Avviso pubblico 2027.pdf', 'Avviso pubblico 2027.pdf'],
		['Verbale tavolo – Comune di Frosinone (bozza).docx', 'Verbale tavolo – Comune di Frosinone (bozza).docx'],
		['Città e comunità ☀️.xlsx', 'Città e comunità ☀️.xlsx'],
		['報告書.pdf', '報告書.pdf'],
		['.htaccess', '.htaccess']
	])('keeps an ordinary name as it is: %s', (raw, safe) => {
		expect(safeFileName(raw)).toBe(safe);
	});

	it.each([
		['../../etc/passwd', 'passwd'],
		['..\\..\\Windows\\win.ini', 'win.ini'],
		['C:\\a\\b.txt', 'b.txt'],
		['/var/www/../budget.xlsx', 'budget.xlsx'],
		['cartella/sottocartella/', 'sottocartella'],
		['relazione/.', 'relazione'],
		['../', 'file'],
		['..', 'file']
	])('drops the directory part of %j', (raw, safe) => {
		expect(safeFileName(raw)).toBe(safe);
	});

	it.each([
		['nul\u0000byte.txt', 'nulbyte.txt'],
		['bell\u0007and\u001bescape.txt', 'bellandescape.txt'],
		['del\u007f.txt', 'del.txt'],
		['c1\u0080\u0090\u009f.txt', 'c1.txt'],
		['next\u0085line.txt', 'next line.txt'],
		['riga\r\nnuova.txt', 'riga nuova.txt'],
		['con\ttab.txt', 'con tab.txt'],
		['separatore\u2028di riga.txt', 'separatore di riga.txt']
	])('removes control characters from %j, line breaks becoming spaces', (raw, safe) => {
		expect(safeFileName(raw)).toBe(safe);
	});

	it.each([
		['invoice\u202Efdp.exe', 'invoicefdp.exe'],
		['invoice\u202Dgpj.js', 'invoicegpj.js'],
		['foto\u2067gnp.bat\u2069', 'fotognp.bat'],
		['report\u200E\u200F\u061C.pdf', 'report.pdf'],
		['re\u200Bport.pdf', 'report.pdf'],
		['\uFEFFbom.txt', 'bom.txt'],
		['soft\u00ADhyphen.txt', 'softhyphen.txt'],
		['word\u2060joiner.txt', 'wordjoiner.txt'],
		['hangul\u3164filler.txt', 'hangulfiller.txt'],
		['tag\u{E0041}\u{E0042}s.txt', 'tags.txt']
	])('removes the invisible characters that disguise %j', (raw, safe) => {
		expect(safeFileName(raw)).toBe(safe);
	});

	it('keeps an invoice whose right-to-left override hid its .exe ending in .exe', () => {
		expect(extensionOf(safeFileName('invoice\u202Efdp.exe'))).toBe('exe');
	});

	it('keeps the joiners that shape emoji and Persian words, and only those', () => {
		expect(safeFileName('👩\u200D💻 appunti.txt')).toBe('👩\u200D💻 appunti.txt');
		expect(safeFileName('می\u200Cخواهم.txt')).toBe('می\u200Cخواهم.txt');
		expect(safeFileName('a\u200Db\u200Cc.txt')).toBe('abc.txt');
		expect(safeFileName('👩\u200D.txt')).toBe('👩.txt');
		expect(safeFileName('\u3164\u200D\u3164')).toBe('file');
	});

	it('keeps the variation selectors that pick how an emoji looks', () => {
		expect(safeFileName('❤\uFE0F.png')).toBe('❤\uFE0F.png');
	});

	it('puts every character Windows forbids out of reach, and collapses and trims white space', () => {
		expect(safeFileName('a<b>c:d"e|f?g*h.txt')).toBe('a_b_c_d_e_f_g_h.txt');
		expect(safeFileName('  bilancio   \u00A0 2027 \u3000.xlsx  ')).toBe('bilancio 2027 .xlsx');
		expect(safeFileName('report.pdf. . .')).toBe('report.pdf');
	});

	it.each(['CON', 'con.txt', 'Prn.pdf', 'AUX', 'nul.tar.gz', 'COM1', 'com9.log', 'Lpt1', 'LPT9.txt', 'con .txt', 'COM¹', 'CONIN$'])(
		'prefixes the reserved Windows device name %j',
		(raw) => {
			expect(safeFileName(raw)).toBe(`_${raw}`);
		}
	);

	it.each(['CONSOLE.txt', 'prnt.pdf', 'auxiliary', 'COM10', 'lpt.txt', 'nullo.txt', 'icon.png'])(
		'leaves %j, which only looks like a device name',
		(raw) => {
			expect(safeFileName(raw)).toBe(raw);
		}
	);

	it.each(['', ' ', '.', '..', '...', '. . .', ' .. . ', '\u0000', '\u202E', '/', '\\\\', '\u200B\u200B'])('names %j "file"', (raw) => {
		expect(safeFileName(raw)).toBe('file');
	});

	it('normalises to NFC, so the same name typed on a Mac and on Windows is one name', () => {
		expect(safeFileName('Citta\u0300.pdf')).toBe('Città.pdf');
		expect(safeFileName('e\u200B\u0301.txt')).toBe('é.txt');
	});

	it('replaces a lone surrogate instead of storing a string UTF-8 cannot hold', () => {
		expect(safeFileName('rotto\uD800.txt')).toBe('rotto\uFFFD.txt');
	});

	describe('long names', () => {
		it('cuts 500 ASCII characters to 200, keeping the extension', () => {
			const name = safeFileName(`${'a'.repeat(500)}.pdf`);
			expect(name).toBe(`${'a'.repeat(196)}.pdf`);
		});

		it('cuts accented letters to 255 UTF-8 bytes, never inside a letter', () => {
			const name = safeFileName(`${'è'.repeat(500)}.docx`);
			expect(name).toBe(`${'è'.repeat(125)}.docx`);
			expect(utf8Bytes(name)).toBe(255);
		});

		it('cuts emoji between pictures, never inside a surrogate pair or a ZWJ sequence', () => {
			const family = '👨\u200D👩\u200D👧';
			const name = safeFileName(`${family.repeat(100)}.png`);
			expectSafe(name);
			expect(name.endsWith('.png')).toBe(true);
			expect(graphemes(name.slice(0, -4)).every((g) => g === family)).toBe(true);
		});

		it('cuts decomposed accents only between letters', () => {
			const name = safeFileName(`${'e\u0301\u0323'.repeat(300)}.txt`);
			expectSafe(name);
			expect(graphemes(name.slice(0, -4)).every((g) => g === 'ẹ\u0301')).toBe(true);
		});

		it('cuts a single letter with hundreds of stacked accents between code points rather than losing everything', () => {
			const name = safeFileName(`a${'\u0301'.repeat(600)}.txt`);
			expectSafe(name);
			expect(name.startsWith('á')).toBe(true);
			expect(name.endsWith('.txt')).toBe(true);
		});

		it('cuts a mix of all of these to both caps, extension kept', () => {
			const name = safeFileName(`Relazione attività 🏳️‍🌈 ${'città e 🚀 '.repeat(60)}.pdf`);
			expectSafe(name);
			expect(name.endsWith('.pdf')).toBe(true);
		});

		it('treats a long tail after the last dot as part of the name, not an extension to keep', () => {
			const name = safeFileName(`relazione.${'x'.repeat(500)}`);
			expect(name).toBe(`relazione.${'x'.repeat(190)}`);
		});

		it('leaves no space or dot where the cut falls', () => {
			expect(safeFileName(`${'ab. '.repeat(60)}.pdf`)).toMatch(/ab\.pdf$/);
		});
	});

	it('is idempotent and safe on every hostile name, numbered or not', () => {
		for (const [i, raw] of hostileNames().entries()) {
			expectSafe(safeFileName(raw));
			expectSafe(numberedName(raw, i + 1));
		}
	});
});

describe('numbered names', () => {
	it.each([
		['budget.xlsx', 2, 'budget (2).xlsx'],
		['archivio.tar.gz', 2, 'archivio (2).tar.gz'],
		['Archivio.TAR.BZ2', 3, 'Archivio (3).TAR.BZ2'],
		['note', 2, 'note (2)'],
		['.htaccess', 2, '.htaccess (2)'],
		['Verbale 12.03.2027.pdf', 10, 'Verbale 12.03.2027 (10).pdf']
	])('numbers %j as copy %i: %j', (name, n, numbered) => {
		expect(numberedName(name, n)).toBe(numbered);
	});

	it('stays within the caps, cutting the name and keeping the number and extension', () => {
		const numbered = numberedName(`${'a'.repeat(196)}.pdf`, 123);
		expect(numbered).toBe(`${'a'.repeat(190)} (123).pdf`);
		expectSafe(numbered);
		const emoji = numberedName(safeFileName(`${'😀'.repeat(100)}.png`), 7);
		expect(emoji.endsWith(' (7).png')).toBe(true);
		expectSafe(emoji);
	});

	it('makes a hostile name safe before numbering it', () => {
		expect(numberedName('../evil\u202Efdp.exe', 2)).toBe('evilfdp (2).exe');
	});

	it('refuses a number that is not a positive whole number', () => {
		for (const n of [0, -1, 1.5, Number.NaN]) expect(() => numberedName('a.txt', n)).toThrow(RangeError);
	});
});

describe('extensions', () => {
	it.each([
		['Bilancio.XLSX', 'xlsx'],
		['archivio.tar.gz', 'gz'],
		['Leggimi', ''],
		['.htaccess', ''],
		['nome.', ''],
		['Dr. Rossi - relazione', ''],
		[`a.${'x'.repeat(21)}`, ''],
		[`a.${'x'.repeat(20)}`, 'x'.repeat(20)],
		['foto.JPEG', 'jpeg']
	])('of %j is %j', (name, extension) => {
		expect(extensionOf(name)).toBe(extension);
	});
});

/** Names built from the pieces attackers and accidents use, from a fixed seed. */
function hostileNames(): string[] {
	const pieces = [
		'a', 'Z', 'è', 'e\u0301', '😀', '👨\u200D👩\u200D👧', '🏳️\u200D🌈', '\u0301', '\u200D', '\u200C', 'ش', '字',
		'.', '..', '../', '..\\', ' ', '\u00A0', '\t', '\n', '\u0000', '\u001f', '\u007f', '\u0085', '\u202E',
		'\u2066', '\u200B', '\uFEFF', '\u3164', '\uD800', '\uDFFF', '<', '>', ':', '"', '|', '?', '*',
		'con', 'NUL', 'com1', 'LPT9', '.txt', '.tar.gz', '.pdf', '\u{E0041}', '\uFE0F'
	];
	let seed = 20270301;
	const random = () => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed / 2 ** 31;
	};
	return Array.from({ length: 2000 }, () => {
		const length = Math.floor(random() ** 3 * 600);
		return Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
	});
}
