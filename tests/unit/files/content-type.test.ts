import { describe, expect, it } from 'vitest';
import { detectContentType, SNIFF_BYTES } from '../../../src/lib/server/files/content-type.ts';
import * as sample from './samples.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const ODP = 'application/vnd.oasis.opendocument.presentation';

/** The first SNIFF_BYTES of a file, as the upload hands them to the detector. */
const head = (file: Uint8Array) => file.subarray(0, SNIFF_BYTES);

describe('content types from the bytes', () => {
	it('needs the first 4100 bytes', () => {
		expect(SNIFF_BYTES).toBe(4100);
	});

	it.each([
		['a real PDF', sample.pdf(), 'application/pdf'],
		['a real PNG', sample.png(), 'image/png'],
		['a real JPEG', sample.jpeg(), 'image/jpeg'],
		['a real GIF', sample.gif(), 'image/gif'],
		['a real BMP', sample.bmp(), 'image/bmp'],
		['a real icon', sample.ico(), 'image/x-icon'],
		['a little-endian TIFF', sample.tiff('II'), 'image/tiff'],
		['a big-endian TIFF', sample.tiff('MM'), 'image/tiff'],
		['a WebP', sample.riff('WEBP', 'VP8L'), 'image/webp'],
		['an AVIF', sample.ftyp('avif', 'mif1', 'miaf'), 'image/avif'],
		['an AVIF whose major brand is mif1', sample.ftyp('mif1', 'avif', 'miaf'), 'image/avif'],
		['a HEIC', sample.ftyp('heic', 'mif1', 'heic'), 'image/heic'],
		['a HEIF', sample.ftyp('mif1', 'mif1'), 'image/heif'],
		['an MP4', sample.ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), 'video/mp4'],
		['a QuickTime movie', sample.ftyp('qt  ', 'qt  '), 'video/quicktime'],
		['an M4A', sample.ftyp('M4A ', 'M4A ', 'mp42', 'isom'), 'audio/mp4'],
		['a 3GP', sample.ftyp('3gp4', '3gp4'), 'video/3gpp'],
		['a real ZIP', sample.zip([{ name: 'leggimi.txt', data: 'ciao' }]), 'application/zip'],
		['an empty ZIP', sample.zip([]), 'application/zip'],
		['a 7z', sample.sevenZip(), 'application/x-7z-compressed'],
		['a real gzip', sample.gzip(), 'application/gzip'],
		['a RAR 4', sample.rar(4), 'application/vnd.rar'],
		['a RAR 5', sample.rar(5), 'application/vnd.rar'],
		['an MP3 with an ID3 tag', sample.mp3(true), 'audio/mpeg'],
		['an MP3 opening on a frame', sample.mp3(false), 'audio/mpeg'],
		['a WAV', sample.riff('WAVE', 'fmt '), 'audio/wav'],
		['an AVI', sample.riff('AVI ', 'LIST'), 'video/x-msvideo'],
		['an Ogg Vorbis', sample.ogg('\x01vorbis'), 'audio/ogg'],
		['an Ogg Opus', sample.ogg('OpusHead'), 'audio/ogg'],
		['an Ogg Theora', sample.ogg('\x80theora'), 'video/ogg'],
		['a FLAC', sample.flac(), 'audio/flac'],
		['a WebM', sample.ebml('webm'), 'video/webm'],
		['a Matroska', sample.ebml('matroska'), 'video/x-matroska'],
		['an RTF', sample.rtf(), 'application/rtf']
	])('tells %s by its magic number', (_, file, type) => {
		expect(detectContentType(head(file), 'file')).toBe(type);
	});

	describe('office files', () => {
		it.each([
			['text', ODT],
			['spreadsheet', ODS],
			['presentation', ODP]
		])('reads an OpenDocument %s type from its mimetype entry, whatever its name', (kind, type) => {
			for (const name of ['documento.odt', 'senza-nome', 'budget.xlsx']) {
				expect(detectContentType(head(sample.odf(type)), name)).toBe(type);
			}
		});

		it('reads an EPUB from its mimetype entry', () => {
			expect(detectContentType(head(sample.odf('application/epub+zip')), 'libro.zip')).toBe('application/epub+zip');
		});

		it('does not believe a mimetype entry that names anything but a zip-based document', () => {
			for (const claim of ['text/html', 'image/svg+xml', 'application/vnd.oasis.opendocument.text<script>']) {
				expect(detectContentType(head(sample.odf(claim)), 'pagina.zip')).toBe('application/zip');
			}
		});

		it.each([
			['word', DOCX],
			['xl', XLSX],
			['ppt', PPTX]
		] as const)('tells Office Open XML by its %s/ folder, even under another name', (folder, type) => {
			for (const name of ['documento.docx', 'foglio.xlsx', 'archivio.zip', 'senza-nome']) {
				expect(detectContentType(head(sample.ooxml(folder)), name)).toBe(type);
			}
		});

		it('lets the extension choose among the office formats when the entries cannot be walked', () => {
			const streamed = head(sample.ooxml('xl', { descriptors: true }));
			expect(detectContentType(streamed, 'Bilancio.XLSX')).toBe(XLSX);
			expect(detectContentType(streamed, 'bilancio.docx')).toBe(DOCX);
			expect(detectContentType(streamed, 'bilancio.pptx')).toBe(PPTX);
			expect(detectContentType(streamed, 'bilancio.ods')).toBe(ODS);
			expect(detectContentType(streamed, 'bilancio.zip')).toBe('application/zip');
			expect(detectContentType(streamed, 'bilancio.html')).toBe('application/zip');
		});

		it.each([
			['vecchio.doc', 'application/msword'],
			['VECCHIO.XLS', 'application/vnd.ms-excel'],
			['vecchio.ppt', 'application/vnd.ms-powerpoint'],
			['posta.msg', 'application/vnd.ms-outlook'],
			['vecchio.bin', 'application/x-ole-storage'],
			['vecchio.html', 'application/x-ole-storage']
		])('names an Office 97–2003 file %j by its extension', (name, type) => {
			expect(detectContentType(head(sample.ole2()), name)).toBe(type);
		});
	});

	it('believes the bytes over the name: a PNG called report.pdf is a PNG', () => {
		expect(detectContentType(head(sample.png()), 'report.pdf')).toBe('image/png');
		expect(detectContentType(head(sample.pdf()), 'foto.png')).toBe('application/pdf');
		expect(detectContentType(head(sample.jpeg()), 'pagina.html')).toBe('image/jpeg');
		expect(detectContentType(head(sample.gzip()), 'disegno.svg')).toBe('application/gzip');
	});

	it('does not take text that starts like a bitmap, or bytes like an MP3 frame, for media', () => {
		expect(detectContentType(sample.utf8('BMW e Fiat: preventivi\n'), 'note.txt')).toBe('text/plain');
		expect(detectContentType(sample.utf16('BOM e basta', 'le'), 'note.txt')).toBe('text/plain');
	});

	it('calls unknown binary what it is: bytes', () => {
		const programs = [
			sample.bytes('MZ\x90\0\x03\0\0\0'),
			sample.bytes('\x7fELF\x02\x01\x01'),
			sample.bytes('RIFF\0\0\0\0XXXX'),
			sample.bytes([0xfd, 0, 1, 2])
		];
		for (const file of programs) {
			expect(detectContentType(file, 'programma.pdf')).toBe('application/octet-stream');
		}
		expect(detectContentType(sample.ebml('mystery'), 'video.webm')).toBe('application/octet-stream');
	});
});

describe('text', () => {
	it.each([
		['dati.csv', 'comune;servizio;posti\nFrosinone;SIL;12\n', 'text/csv'],
		['DATI.TSV', 'comune\tposti\n', 'text/tab-separated-values'],
		['leggimi.md', '# Patto di comunità\n\n- impegno 1\n', 'text/markdown'],
		['leggimi.markdown', 'Titolo\n======\n', 'text/markdown'],
		['note.txt', 'Riunione del tavolo: giovedì alle 10.\n', 'text/plain'],
		['senza-estensione', 'solo testo', 'text/plain'],
		['dati.json', '{"comune": "Frosinone"}', 'application/json'],
		['elenco.json', '  [1, 2, 3]', 'application/json'],
		['numero.json', '42', 'application/json'],
		['rotto.json', 'non è JSON', 'text/plain'],
		['dati.txt', '{"comune": "Frosinone"}', 'text/plain'],
		['vuoto.txt', '', 'text/plain'],
		['vuoto.csv', '', 'text/csv'],
		['log.txt', 'colori \x1b[31mrossi\x1b[0m\f\r\n', 'text/plain']
	])('names %j by its extension once the bytes are text', (name, text, type) => {
		expect(detectContentType(sample.utf8(text), name)).toBe(type);
	});

	it('takes UTF-8 with a byte-order mark and every script as text', () => {
		expect(detectContentType(sample.utf8('\uFEFFcittà, 東京, القاهرة, 😀'), 'x.txt')).toBe('text/plain');
	});

	it('takes text with a UTF-16 byte-order mark as plain text, in either byte order', () => {
		expect(detectContentType(sample.utf16('Relazione finale\r\n', 'le'), 'relazione.txt')).toBe('text/plain');
		expect(detectContentType(sample.utf16('Relazione finale\r\n', 'be'), 'relazione.csv')).toBe('text/plain');
	});

	it('does not call text what is not valid UTF-8 or holds binary bytes', () => {
		expect(detectContentType(sample.bytes('citt\xe0 in Latin-1'), 'x.txt')).toBe('application/octet-stream');
		expect(detectContentType(sample.bytes('testo\0con un NUL'), 'x.txt')).toBe('application/octet-stream');
		expect(detectContentType(sample.bytes('testo\x01\x02'), 'x.csv')).toBe('application/octet-stream');
		expect(detectContentType(sample.bytes('troncato \xc3'), 'x.txt')).toBe('application/octet-stream');
	});

	it('accepts a character cut in half where the head ends, since the file goes on', () => {
		const text = sample.utf8(`a${'è'.repeat(SNIFF_BYTES)}`);
		expect(text[SNIFF_BYTES - 1]).toBe(0xc3);
		expect(detectContentType(head(text), 'lungo.txt')).toBe('text/plain');
		expect(detectContentType(text, 'lungo.txt')).toBe('text/plain');
	});

	it('reads only the head, however much it is given', () => {
		const file = Buffer.concat([sample.utf8('a'.repeat(SNIFF_BYTES)), sample.bytes('\0\0\0')]);
		expect(detectContentType(file, 'lungo.txt')).toBe('text/plain');
	});
});

describe('web content, whatever it is called', () => {
	it.each([
		['<!DOCTYPE html><html><body>ciao</body></html>'],
		['<!doctype HTML>\n<title>x</title>'],
		['<html><script>alert(1)</script>'],
		['   \n\t<HEAD><meta charset=utf-8>'],
		['<body onload=alert(1)>'],
		['<script>alert(document.cookie)</script>'],
		['<iframe src="https://evil.example"></iframe>'],
		['<img src=x onerror=alert(1)>'],
		['<div>ciao</div>'],
		['<p>paragrafo'],
		['<a href="javascript:alert(1)">clic</a>'],
		['<object data="x.swf">'],
		['<my-widget></my-widget>'],
		['<!-- commento -->\n<script>alert(1)</script>'],
		['<!-- commento che non finisce mai'],
		['<!-- solo un commento -->'],
		['\uFEFF<!DOCTYPE html>'],
		['<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>'],
		['<root xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></root>']
	])('takes %j as a web page', (text) => {
		for (const name of ['foto.png', 'report.pdf', 'note.txt', 'dati.csv', 'senza-nome']) {
			expect(detectContentType(sample.utf8(text), name)).toBe('text/html');
		}
	});

	it.each([
		['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
		['<SVG><script>alert(1)</script></SVG>'],
		['<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
		[
			'<?xml version="1.0"?><!-- Inkscape --><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n' +
				' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>'
		],
		['<?xml version="1.0"?><!DOCTYPE x [ <!ENTITY a "<>"> <!ENTITY b SYSTEM "file:///etc/passwd"> ]><svg>&b;</svg>'],
		['<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>'],
		['<!DOCTYPE svg><svg/>']
	])('takes %j as an SVG image, which can script', (text) => {
		for (const name of ['foto.png', 'report.pdf', 'disegno.svg']) {
			expect(detectContentType(sample.utf8(text), name)).toBe('image/svg+xml');
		}
	});

	it('sees through a UTF-16 byte-order mark', () => {
		expect(detectContentType(sample.utf16('<html><script>alert(1)</script>', 'le'), 'foto.png')).toBe('text/html');
		expect(detectContentType(sample.utf16('<svg onload="alert(1)"/>', 'be'), 'foto.png')).toBe('image/svg+xml');
	});

	it.each([
		['<?xml version="1.0"?><note><to>Giulia</to></note>'],
		['<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n<rss version="2.0"/>'],
		['<?xml version="1.0"?>'],
		['<?xml version="1.0" non chiuso'],
		['<!DOCTYPE note SYSTEM "note.dtd"><note/>'],
		['<note>testo</note>']
	])('takes %j as XML', (text) => {
		expect(detectContentType(sample.utf8(text), 'dati.txt')).toBe('application/xml');
	});

	it.each([
		['<3 grazie a tutti'],
		['<- indietro'],
		['<mario.rossi@example.com> ha scritto:'],
		['1 < 2 e <b> dopo il testo'],
		['Testo e poi <script>alert(1)</script>']
	])('leaves %j, which only contains angle brackets, as text', (text) => {
		expect(detectContentType(sample.utf8(text), 'note.txt')).toBe('text/plain');
	});

	it('labels text by an extension that names web content, never the other way round', () => {
		expect(detectContentType(sample.utf8('ciao <b>a tutti</b>'), 'pagina.html')).toBe('text/html');
		expect(detectContentType(sample.utf8('ciao'), 'pagina.HTM')).toBe('text/html');
		expect(detectContentType(sample.utf8('ciao'), 'disegno.svg')).toBe('image/svg+xml');
		expect(detectContentType(sample.utf8('ciao'), 'dati.xml')).toBe('application/xml');
		expect(detectContentType(sample.utf8('alert(1)'), 'script.js')).toBe('text/javascript');
		expect(detectContentType(sample.utf8('<svg onload="alert(1)"/>'), 'dati.csv')).toBe('image/svg+xml');
		expect(detectContentType(sample.utf8('<!DOCTYPE html>'), 'dati.json')).toBe('text/html');
	});
});
