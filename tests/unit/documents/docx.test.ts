import { describe, expect, it } from 'vitest';
import { toDocx, type DocxMeta } from '../../../src/lib/documents/docx.ts';
import { templateFor } from '../../../src/lib/documents/templates.ts';
import { code, doc, h, li, link, ol, p, quote, row, table, td, text, th, ul } from './factories.ts';
import { unzip } from './zip.ts';

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

	it('throws on a node it does not know', async () => {
		await expect(toDocx(doc({ type: 'image' }), meta())).rejects.toThrow('Unsupported node type "image"');
	});
});
