import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../../src/lib/documents/markdown.ts';
import { br, code, doc, h, hr, img, li, link, ol, p, quote, row, table, td, text, th, ul } from './factories.ts';

const FILE = '0b7c3f4e-9a1d-4c2e-8f5a-6d3b2a1c0e9f';

describe('toMarkdown', () => {
	it('writes every kind of node the editor makes', () => {
		const json = doc(
			h(1, 'Patto di comunità'),
			p(
				'Testo ',
				text('grassetto', 'bold'),
				', ',
				text('corsivo', 'italic'),
				', ',
				text('barrato', 'strike'),
				', ',
				text('codice', 'code'),
				' e ',
				text('un link', link('https://www.comune.frosinone.it')),
				'.'
			),
			p('Prima riga', br(), 'seconda riga'),
			p(),
			ul(li(p('Uno'), ul(li(p('Uno punto uno')))), li(p('Due'))),
			ol(3, li(p('Tre')), li(p('Quattro'), p('con un secondo paragrafo'))),
			quote(p('Una citazione'), p('in due paragrafi')),
			code('ts', 'const a = 1;\nconst b = 2;'),
			hr(),
			table(row(th('Partner'), th('Impegno')), row(td('Coop A | B'), td('Spazi')))
		);
		expect(toMarkdown(json)).toBe(
			[
				'# Patto di comunità',
				'',
				'Testo **grassetto**, *corsivo*, ~~barrato~~, `codice` e [un link](https://www.comune.frosinone.it/).',
				'',
				'Prima riga\\',
				'seconda riga',
				'',
				'- Uno',
				'  - Uno punto uno',
				'- Due',
				'',
				'3. Tre',
				'4. Quattro',
				'',
				'   con un secondo paragrafo',
				'',
				'> Una citazione',
				'>',
				'> in due paragrafi',
				'',
				'```ts',
				'const a = 1;',
				'const b = 2;',
				'```',
				'',
				'---',
				'',
				'| Partner | Impegno |',
				'| --- | --- |',
				'| Coop A \\| B | Spazi |',
				''
			].join('\n')
		);
	});

	it('keeps marks shared by neighbouring text open, with spaces outside the delimiters', () => {
		const json = doc(p(text('tutto ', 'bold'), text('insieme', 'bold', 'italic'), text(' qui', 'italic')));
		expect(toMarkdown(json)).toBe('**tutto *insieme*** *qui*\n');
	});

	it('escapes Markdown typed as text so it stays text', () => {
		const json = doc(p('*non grassetto* _x_ [a](b) <b>ciao</b> a|b ~~no~~ `no` &amp; \\'), p('# non un titolo'), p('1. non un elenco'), p('- né questo'));
		expect(toMarkdown(json)).toBe(
			[
				'\\*non grassetto\\* \\_x\\_ \\[a\\](b) \\<b\\>ciao\\</b\\> a\\|b \\~\\~no\\~\\~ \\`no\\` \\&amp; \\\\',
				'\\# non un titolo',
				'1\\. non un elenco',
				'\\- né questo'
			].join('\n\n') + '\n'
		);
	});

	it('writes a link with an unsafe protocol as plain text', () => {
		const json = doc(p(text('clicca', link('javascript:alert(1)')), ' e ', text('scrivi', link('mailto:rete@coop.it'))));
		expect(toMarkdown(json)).toBe('clicca e [scrivi](mailto:rete@coop.it)\n');
	});

	it('escapes the characters of a link target that would end it early', () => {
		expect(toMarkdown(doc(p(text('x', link('https://x.it/a_(b)')))))).toBe('[x](https://x.it/a_\\(b\\))\n');
	});

	it('escapes a script in text rather than letting it through as HTML', () => {
		expect(toMarkdown(doc(p('<script>alert(1)</script>')))).toBe('\\<script\\>alert(1)\\</script\\>\n');
	});

	it('fences code with more backticks than the code holds, and inline code likewise', () => {
		expect(toMarkdown(doc(code('', 'a ``` b')))).toBe('````\na ``` b\n````\n');
		expect(toMarkdown(doc(p(text('a`b', 'code'))))).toBe('``a`b``\n');
	});

	it('lines a table up when a row is short or a cell spans columns', () => {
		const wide = { ...th('A'), attrs: { colspan: 2 } };
		expect(toMarkdown(doc(table(row(wide, th('C')), row(td('x')))))).toBe('| A |  | C |\n| --- | --- | --- |\n| x |  |  |\n');
	});

	it('keeps a trailing # in a heading as text', () => {
		expect(toMarkdown(doc(h(2, 'Punto #')))).toBe('## Punto \\#\n');
	});

	it('writes an image with its alt text and its file’s address on the site, or relative without one', () => {
		const json = doc(p('Prima'), img(FILE, 'Lavagna [tavolo] *12*', { title: 'Il "tavolo"' }), ul(li(p('x'), img(FILE, 'y'))));
		expect(toMarkdown(json, { origin: 'https://trama.example.org' })).toBe(
			[
				'Prima',
				'',
				`![Lavagna \\[tavolo\\] \\*12\\*](https://trama.example.org/api/files/${FILE}?inline=1 "Il \\"tavolo\\"")`,
				'',
				'- x',
				'',
				`  ![y](https://trama.example.org/api/files/${FILE}?inline=1)`,
				''
			].join('\n')
		);
		expect(toMarkdown(doc(img(FILE, 'Foto')))).toBe(`![Foto](/api/files/${FILE}?inline=1)\n`);
	});

	it('keeps an image in a table cell on the cell’s line', () => {
		expect(toMarkdown(doc(table(row(th('Foto')), row({ type: 'tableCell', content: [img(FILE, 'a | b')] }))))).toBe(
			`| Foto |\n| --- |\n| ![a \\| b](/api/files/${FILE}?inline=1) |\n`
		);
	});

	it('writes an image whose address was refused as its alt text only', () => {
		expect(toMarkdown(doc(img(FILE, '# Foto', { src: 'https://evil.example/pixel.gif' })), { origin: 'https://trama.example.org' })).toBe(
			'\\# Foto\n'
		);
	});

	it('throws on a node it does not know and on JSON that is not a document', () => {
		expect(() => toMarkdown(doc({ type: 'mention' }))).toThrow('Unsupported node type "mention"');
		expect(() => toMarkdown({ type: 'paragraph' })).toThrow('Malformed document');
		expect(() => toMarkdown('# ciao')).toThrow('Malformed document');
	});
});
