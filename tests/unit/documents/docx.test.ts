import { describe, expect, it } from 'vitest';
import { toDocx, type DocxImage, type DocxMeta } from '../../../src/lib/documents/docx.ts';
import { imageSize } from '../../../src/lib/files/image-size.ts';
import { templateFor } from '../../../src/lib/documents/templates.ts';
import { code, doc, h, img, li, link, ol, p, quote, row, table, td, text, th, ul } from './factories.ts';
import { unzip, unzipBytes } from './zip.ts';
import { png } from '../files/samples.ts';

const FILE = '0b7c3f4e-9a1d-4c2e-8f5a-6d3b2a1c0e9f';
const OTHER = '5e2d1c0b-8a9f-4e7d-9c6b-1a2b3c4d5e6f';

function docxImage(bytes: Buffer): DocxImage {
	return { ...imageSize(bytes)!, data: bytes };
}

/** EMUs (what Word's drawing sizes count) of a size in pixels at 96 to the inch. */
const emu = (pixels: number) => pixels * 9525;

const meta = (overrides: Partial<DocxMeta> = {}): DocxMeta => ({
	title: 'Patto di comunità 2027',
	networkName: 'Inserimento lavorativo, Ambito di Frosinone',
	partners: ['Coop. sociale Il Ponte', 'ASL Frosinone'],
	versionLabel: 'Versione «Firmata» del 3 marzo 2027',
	exportedAt: new Date('2027-03-04T09:00:00Z'),
	locale: 'it',
	...overrides
});

async function documentXml(json: unknown, overrides?: Partial<DocxMeta>) {
	const files = unzip(await toDocx(json, meta(overrides)));
	return { xml: files.get('word/document.xml')!, files };
}

describe('toDocx', () => {
	it('is a sound zip whose word/document.xml holds the cover and the text', async () => {
		const { xml, files } = await documentXml(templateFor('community_pact'));
		expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
		for (const words of [
			'Patto di comunità 2027',
			'Inserimento lavorativo, Ambito di Frosinone',
			'Coop. sociale Il Ponte',
			'Versione «Firmata» del 3 marzo 2027',
			'Esportato il 4 marzo 2027 alle ore 10:00',
			'Impegni delle parti',
			'Risorse messe a disposizione'
		]) {
			expect(xml).toContain(words);
		}
	});

	it('writes the cover in the reader’s language', async () => {
		const { xml } = await documentXml(doc(p('x')), { locale: 'en', partners: [] });
		expect(xml).toContain('Network: ');
		expect(xml).toContain('No partners recorded.');
	});

	it('uses Word’s heading, list and quote styles and draws table borders', async () => {
		const { xml } = await documentXml(
			doc(h(2, 'Sezione'), ul(li(p('punto'))), quote(p('citato')), code('', 'x'), table(row(th('A')), row(td('b'))))
		);
		expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
		expect(xml).toContain('<w:pStyle w:val="ListParagraph"/>');
		expect(xml).toContain('<w:pStyle w:val="Quote"/>');
		expect(xml).toContain('<w:pStyle w:val="CodeBlock"/>');
		expect(xml).toMatch(/<w:tblBorders>.*<w:insideH w:val="single"/);
		expect(xml).toContain('<w:tblHeader/>');
	});

	it('numbers each ordered list from its own start', async () => {
		// No partners, so the cover has no bulleted list of its own.
		const { xml, files } = await documentXml(doc(ol(1, li(p('a'))), p('tra'), ol(1, li(p('b'))), ol(5, li(p('c')))), { partners: [] });
		const lists = new Set([...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]));
		expect(lists.size).toBe(3);
		expect(files.get('word/numbering.xml')).toContain('<w:start w:val="5"/>');
	});

	it('links only safe addresses and escapes whatever the text holds', async () => {
		const { xml, files } = await documentXml(
			doc(p(text('sito', link('https://www.comune.it')), ' ', text('trappola', link('javascript:alert(1)')), ' <script>&\u0001'))
		);
		const relations = files.get('word/_rels/document.xml.rels')!;
		expect(relations).toContain('Target="https://www.comune.it/"');
		expect(relations).not.toContain('javascript');
		expect(xml).toContain('trappola');
		expect(xml).toContain('&lt;script&gt;&amp;');
		// A control character would make the XML unreadable for Word.
		expect(xml).not.toContain('\u0001');
	});

	it('embeds the images it is given, with their alt text, at their size or shrunk to the page', async () => {
		const small = png(120, 80);
		const wide = png(1800, 600);
		const json = doc(p('Prima'), img(FILE, 'Lavagna del tavolo', { title: 'Marzo' }), img(OTHER, 'Mappa dei servizi'));
		const bytes = await toDocx(json, meta({ images: new Map([[FILE, docxImage(small)], [OTHER, docxImage(wide)]]) }));
		const files = unzipBytes(bytes);
		const xml = files.get('word/document.xml')!.toString('utf8');
		const media = [...files.keys()].filter((name) => name.startsWith('word/media/'));
		expect(media).toHaveLength(2);
		expect(media.map((name) => files.get(name)!).sort((a, b) => a.length - b.length)).toEqual([small, wide]);
		expect(xml).toMatch(/<wp:docPr [^>]*descr="Lavagna del tavolo"[^>]*title="Marzo"/);
		expect(xml).toContain(`<wp:extent cx="${emu(120)}" cy="${emu(80)}"/>`);
		// 1800 × 600 shrinks to the 600-pixel column, keeping its shape.
		expect(xml).toContain(`<wp:extent cx="${emu(600)}" cy="${emu(200)}"/>`);
		expect(xml).not.toContain('non disponibile');
	});

	it('shrinks an image in a table cell to its column, less the cell’s margins', async () => {
		const cell = { type: 'tableCell', content: [img(FILE, 'Foto')] };
		const { xml } = await documentXml(doc(table(row(cell, td('x'), td('y')))), {
			images: new Map([[FILE, docxImage(png(1200, 1200))]])
		});
		const column = Number(xml.match(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/)![1]);
		const side = Math.floor((column - 300) / 15);
		expect(side).toBeLessThan(600);
		expect(xml).toContain(`<wp:extent cx="${emu(side)}" cy="${emu(side)}"/>`);
	});

	it('gives each column of a table room for its widest word, in a fixed layout Word and LibreOffice both keep', async () => {
		const { xml } = await documentXml(doc(table(row(th('Nome'), th('Categoria')), row(td('Accoglienza notturna'), td('Bisogno')))));
		expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
		const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
		expect(grid).toHaveLength(2);
		// "Accoglienza" in Times New Roman Bold at 10 pt is about 1200 twips, and its column holds the longer line too.
		expect(grid[0]).toBeGreaterThan(grid[1]);
		expect(grid[0] + grid[1]).toBeLessThanOrEqual(9000);
		expect(xml).not.toContain('w:orient="landscape"');
	});

	it('puts a table too wide for a portrait page on a landscape one, with the heading before it, and turns back after', async () => {
		const header = row(...['Nome', 'Categoria', 'Sistema', 'Destinatari', 'Partner', 'Indirizzo', 'Posti', 'Orari', 'Contatti'].map((name) => th(name)));
		const entry = row(...['Accoglienza', 'Bisogno', 'Sociale', 'Persone senza dimora', 'Comune', 'Cassino', '12', 'lun–sab', 'sportello@comune.example'].map((value) => td(value)));
		const { xml } = await documentXml(doc(p('Prima'), h(2, 'Voci della mappa'), table(header, entry), p('Dopo')));
		const sections = xml.split('</w:sectPr>');
		// The cover, the text before the table, the table with its heading, the text after it.
		expect(sections.map((section) => section.match(/w:orient="(\w+)"/)?.[1]).filter(Boolean)).toEqual(['portrait', 'portrait', 'landscape', 'portrait']);
		expect(sections[2]).toContain('Voci della mappa');
		expect(sections[2]).toContain('Accoglienza');
		expect(sections[1]).not.toContain('Voci della mappa');
		expect(sections[3]).toContain('Dopo');
		const grid = [...sections[2].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
		expect(grid).toHaveLength(9);
		expect(grid.reduce((a, b) => a + b)).toBeGreaterThan(9000);
	});

	it('splits a table too wide even for landscape into tables of the columns that fit, each repeating the first column and the header', async () => {
		const names = Array.from({ length: 8 }, (_, i) => `colonna${i}@un-indirizzo-lungo.example`);
		const { xml } = await documentXml(doc(table(row(...names.map((name) => th(name))), row(...names.map((_, i) => td(`valore ${i}`))))));
		const tables = xml.split('<w:tbl>').slice(1);
		expect(tables.length).toBeGreaterThan(1);
		for (const part of tables) {
			expect(part).toContain('colonna0@');
			expect(part).toContain('valore 0');
			expect(part).toContain('<w:tblHeader/>');
		}
		expect(names.every((name) => tables.filter((part) => part.includes(name)).length >= 1)).toBe(true);
	});

	it('fills a ragged row at its missing columns, not where a cell from above spans down', async () => {
		const merged = { ...td('unito'), attrs: { colspan: 1, rowspan: 2 } };
		const { xml } = await documentXml(doc(table(row(merged, td('a'), td('b')), row(td('c')))));
		const rows = xml.split('<w:tr>').slice(1);
		// The second row: the continuation of the merged cell, "c", and one empty cell, no more.
		expect(rows[1].match(/<w:tc>/g)).toHaveLength(3);
		expect(rows[1]).toContain('<w:vMerge w:val="continue"/>');
	});

	it('writes an image it was not given, or whose address was refused, as a note with its alt text', async () => {
		const json = doc(
			img(FILE, 'Foto'),
			img(OTHER, 'Lavagna del tavolo'),
			// Names a file it was given, but with another site's address.
			img(FILE, 'Trappola', { src: 'https://evil.example/pixel.gif' })
		);
		const { xml, files } = await documentXml(json, { images: new Map([[FILE, docxImage(png(10, 10))]]), partners: [] });
		expect(xml).toContain('descr="Foto"');
		expect(xml).toContain('[Immagine non disponibile: Lavagna del tavolo]');
		expect(xml).toContain('[Immagine non disponibile: Trappola]');
		expect(xml).not.toContain('evil.example');
		expect([...files.keys()].filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
		const english = await documentXml(doc(img(FILE, '')), { locale: 'en' });
		expect(english.xml).toContain('[Image not available]');
	});

	it('throws on a node it does not know', async () => {
		await expect(toDocx(doc({ type: 'mention' }), meta())).rejects.toThrow('Unsupported node type "mention"');
	});
});

describe('toDocx with a footer, more cover facts and appendices (a sealed pact’s)', () => {
	/** Each section's XML: Word closes a section with the paragraph whose properties hold its sectPr. */
	const sectionsOf = (xml: string) => xml.match(/[^]*?<w:sectPr>[^]*?<\/w:sectPr>(?:<\/w:pPr>[^]*?<\/w:p>)?/g) ?? [];

	it('opens a landscape table’s section with an empty paragraph when no heading comes before it, lest LibreOffice drop the page break', async () => {
		const wide = (cell: typeof td, prefix: string) => row(...Array.from({ length: 8 }, (_, i) => cell(`${prefix}${i}@comune-di-frosinone.example`)));
		const { xml } = await documentXml(doc(p('Situazione al 10 aprile'), table(wide(th, 'colonna'), wide(td, 'valore'))));
		const sections = sectionsOf(xml);
		expect(sections.map((section) => section.match(/w:orient="(\w+)"/)?.[1])).toEqual(['portrait', 'portrait', 'landscape']);
		expect(sections[1]).toContain('Situazione al 10 aprile');
		expect(sections[2].startsWith('<w:p/><w:tbl>')).toBe(true);
	});

	it('writes the footer with Word’s page fields in every section, the extra facts on the cover, and each appendix from a new page', async () => {
		const fingerprint = 'ab'.repeat(32);
		const { xml, files } = await documentXml(doc(p('Testo sigillato')), {
			coverFacts: [{ label: 'Impronta SHA-256', value: fingerprint }],
			footer: { text: `impronta ${fingerprint}`, pages: 'Pagina {page} di {pages}' },
			appendices: [doc(h(1, 'Sottoscrizione dei partner')), doc(h(1, 'Registro delle adesioni'))]
		});
		const sections = sectionsOf(xml);
		expect(sections).toHaveLength(4);
		expect(sections.every((section) => section.includes('w:footerReference'))).toBe(true);
		expect(sections[0]).toMatch(new RegExp(`Impronta SHA-256: </w:t>.*${fingerprint}`));
		expect(sections[1]).toContain('Testo sigillato');
		expect(sections[2]).toContain('Sottoscrizione dei partner');
		expect(sections[3]).toContain('Registro delle adesioni');
		const footers = [...files.keys()].filter((name) => /^word\/footer\d+\.xml$/.test(name));
		expect(footers).toHaveLength(4);
		const footer = files.get(footers[0])!;
		expect(footer).toContain(`impronta ${fingerprint}`);
		expect(footer).toMatch(/Pagina [^]*PAGE[^]*di [^]*NUMPAGES/);
	});
});
