import { describe, expect, it } from 'vitest';
import { toHtml } from '../../../src/lib/documents/html.ts';
import { br, code, doc, h, hr, img, li, link, ol, p, quote, row, table, td, text, th, ul } from './factories.ts';

const FILE = '0b7c3f4e-9a1d-4c2e-8f5a-6d3b2a1c0e9f';

describe('toHtml', () => {
	it('writes every kind of node the editor makes', () => {
		const json = doc(
			h(2, 'Impegni'),
			p(text('g', 'bold'), text('c', 'italic'), text('s', 'underline'), text('b', 'strike'), text('x', 'code')),
			p('a', br(), text('b', 'bold', link('https://coop.it'))),
			ul(li(p('uno'))),
			ol(2, li(p('due'))),
			quote(p('citato')),
			code('js', 'a < b'),
			hr(),
			table(row(th('Partner'), { ...th('Risorse'), attrs: { colspan: 2 } }), row(td('Coop'), td('Spazi'), td('Ore')))
		);
		expect(toHtml(json)).toBe(
			'<h2>Impegni</h2>' +
				'<p><strong>g</strong><em>c</em><u>s</u><s>b</s><code>x</code></p>' +
				'<p>a<br><a href="https://coop.it/" rel="noopener noreferrer"><strong>b</strong></a></p>' +
				'<ul><li><p>uno</p></li></ul>' +
				'<ol start="2"><li><p>due</p></li></ol>' +
				'<blockquote><p>citato</p></blockquote>' +
				'<pre><code>a &lt; b</code></pre>' +
				'<hr>' +
				'<table><thead><tr><th><p>Partner</p></th><th colspan="2"><p>Risorse</p></th></tr></thead>' +
				'<tbody><tr><td><p>Coop</p></td><td><p>Spazi</p></td><td><p>Ore</p></td></tr></tbody></table>'
		);
	});

	it('escapes a script in text', () => {
		expect(toHtml(doc(p('<script>alert("x")</script> & \'')))).toBe(
			'<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;</p>'
		);
	});

	it('writes a javascript: link as its text only', () => {
		expect(toHtml(doc(p(text('clicca', link('javascript:alert(1)')))))).toBe('<p>clicca</p>');
	});

	it('cannot be broken out of through a link or a span', () => {
		const json = doc(
			p(text('x', link('https://x.it/"onmouseover="alert(1)'))),
			table(row({ ...td('y'), attrs: { colspan: '2" onclick="alert(1)' } }))
		);
		expect(toHtml(json)).toBe(
			'<p><a href="https://x.it/%22onmouseover=%22alert(1)" rel="noopener noreferrer">x</a></p>' +
				'<table><tbody><tr><td><p>y</p></td></tr></tbody></table>'
		);
	});

	it('shows an image from its file’s address, with its alt text and title escaped', () => {
		expect(toHtml(doc(img(FILE, 'Lavagna "tavolo" <3>', { title: 'Marzo & aprile' }), table(row(td('x')))))).toBe(
			`<img src="/api/files/${FILE}?inline=1" alt="Lavagna &quot;tavolo&quot; &lt;3&gt;" title="Marzo &amp; aprile">` +
				'<table><tbody><tr><td><p>x</p></td></tr></tbody></table>'
		);
	});

	it('shows an image whose address is not a file of the file space without any address', () => {
		for (const src of ['https://evil.example/pixel.gif', 'javascript:alert(1)', '" onerror="alert(1)']) {
			expect(toHtml(doc(img(FILE, 'Foto', { src })))).toBe('<img alt="Foto">');
		}
	});

	it('throws on a node it does not know', () => {
		expect(() => toHtml(doc({ type: 'iframe' }))).toThrow('Unsupported node type "iframe"');
	});
});
