import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/server/markdown.ts';
import { mentionToken } from '../../src/lib/mentions.ts';

// renderMarkdown() against an XSS corpus. No HTML parser is among the
// dependencies, so the output is read by a strict tokenizer instead: it must
// consist only of text (with & < > " escaped) and well-formed tags from an
// allow-list, each with only the attributes that tag may carry, and links
// only to the web, to mail or within Trama. Anything the tokenizer does not
// recognise is itself a finding, which is stricter than a browser would be.

const ID = '0b9a3c52-7f1e-4a57-9d55-2a4d0c4f3e11';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Each tag the renderer may write, with a test for each attribute it may carry. */
const ALLOWED: Record<string, Record<string, (value: string) => boolean>> = {
	p: {},
	br: {},
	strong: {},
	em: {},
	s: {},
	code: { class: (v) => /^language-[^\s]+$/.test(v) },
	pre: {},
	blockquote: {},
	ul: {},
	ol: { start: (v) => /^\d+$/.test(v) },
	li: {},
	hr: {},
	table: {},
	thead: {},
	tbody: {},
	tr: {},
	th: { style: (v) => /^text-align:(left|right|center)$/.test(v) },
	td: { style: (v) => /^text-align:(left|right|center)$/.test(v) },
	a: { href: isSafeHref, title: () => true, rel: (v) => v === 'nofollow noopener noreferrer ugc' },
	span: { class: (v) => v === 'mention', 'data-user': (v) => UUID.test(v) }
};

/** The web, mail, or a path within Trama; never `//host` or `/\host`, which browsers read as another host. */
function isSafeHref(href: string): boolean {
	return /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/(?![/\\])[^\s]*)$/i.test(href);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/** Text as the browser would read it; any other entity than the four the renderer writes is a finding. */
function decode(text: string, problems: string[]): string {
	return text.replace(/&[^;\s]*;?/g, (entity) => {
		if (entity in ENTITIES) return ENTITIES[entity];
		problems.push(`unexpected entity ${entity}`);
		return entity;
	});
}

/** What is wrong with `html` as the output of renderMarkdown; empty when nothing is. */
function inspect(html: string): string[] {
	const problems: string[] = [];
	const tag = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*="[^"<>]*")*)\s*>/y;
	let inMention = false;
	let at = 0;
	while (at < html.length) {
		const next = html.indexOf('<', at);
		const text = html.slice(at, next < 0 ? html.length : next);
		if (text.includes('>') || text.includes('"')) problems.push(`unescaped markup in text: ${text}`);
		decode(text, problems);
		if (next < 0) break;
		tag.lastIndex = next;
		const match = tag.exec(html);
		if (!match) {
			problems.push(`not a well-formed tag at ${html.slice(next, next + 40)}`);
			break;
		}
		const [whole, closing, name, attributes] = match;
		const allowed = ALLOWED[name];
		if (!allowed) problems.push(`element <${name}> is not allowed`);
		if (inMention && !(closing && name === 'span')) problems.push(`markup inside a mention: ${whole}`);
		if (name === 'span') inMention = !closing;
		for (const [, attribute, raw] of attributes.matchAll(/([a-z][a-z-]*)="([^"]*)"/g)) {
			const value = decode(raw, problems);
			if (attribute.startsWith('on')) problems.push(`event handler ${attribute}`);
			else if (closing || !allowed?.[attribute]) problems.push(`attribute ${attribute} on <${name}>`);
			else if (!allowed[attribute](value)) problems.push(`${attribute}="${value}" on <${name}>`);
		}
		at = next + whole.length;
	}
	return problems;
}

const corpus: [string, string][] = [
	// Script tags, anywhere Markdown might let them through.
	['a script element', '<script>alert(1)</script>'],
	['a script element in capitals with a source', '<SCRIPT SRC=//xss.example/x.js></SCRIPT>'],
	['a script element split around another', '<scr<script>ipt>alert(1)</script>'],
	['a script element in a fenced code block', '```html\n<script>alert(1)</script>\n```'],
	['a script element in a fenced code block whose language breaks out', '```"><script>alert(1)</script>\ncodice\n```'],
	['a script element in an indented code block', 'Testo\n\n    <script>alert(1)</script>'],
	['a script element in inline code', '`<script>alert(1)</script>`'],
	['a script element in a quote', '> <script>alert(1)</script>'],
	['a script element in a table cell', '| a | b |\n|:--|--:|\n| <script>alert(1)</script> | x |'],
	['script markup written as entities', '&lt;script&gt;alert(1)&lt;/script&gt;'],
	// Event handlers and elements that carry them.
	['an image with onerror', '<img src=x onerror=alert(1)>'],
	['an svg with onload', '<svg onload=alert(1)>'],
	['a body with onload', '<body onload=alert(1)>'],
	['an anchor with onclick', '<a href="#" onclick="alert(1)">clic</a>'],
	['a div with onmouseover', '<div onmouseover="alert(1)">passa qui</div>'],
	['a link title that tries to close its attribute', '[clic](https://example.org "titolo\\" onmouseover=\\"alert(1)")'],
	['an iframe', '<iframe src="javascript:alert(1)"></iframe>'],
	['an object with a data URL', '<object data="data:text/html,<script>alert(1)</script>"></object>'],
	['a meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
	['a base element', '<base href="javascript:alert(1)//">'],
	['a form with a javascript action', '<form action="javascript:alert(1)"><button>invia</button></form>'],
	['a raw anchor with a javascript href', '<a href="javascript:alert(1)">clic</a>'],
	// Dangerous schemes in every form of Markdown link.
	['an inline javascript: link', '[clic](javascript:alert(1))'],
	['an inline javascript: link in mixed case', '[clic](JaVaScRiPt:alert(1))'],
	['an inline vbscript: link', '[clic](vbscript:msgbox(1))'],
	['an inline data: link', '[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
	['an inline link with a decimal entity in the scheme', '[clic](&#106;avascript:alert(1))'],
	['an inline link with a hex entity in the scheme', '[clic](&#x6A;avascript:alert(1))'],
	['an inline link with zero-padded entities', '[clic](&#0000106&#0000097vascript:alert(1))'],
	['an inline link with a tab entity in the scheme', '[clic](java&#x09;script:alert(1))'],
	['an inline link with &colon;', '[clic](javascript&colon;alert(1))'],
	['an inline link in angle brackets', '[clic](<javascript:alert(1)>)'],
	['an inline link with spaces around it', '[clic](  javascript:alert(1)  )'],
	['a reference link to javascript:', '[clic][x]\n\n[x]: javascript:alert(1)'],
	['a reference link to vbscript: in angle brackets', '[clic][x]\n\n[x]: <vbscript:msgbox(1)>'],
	['a shortcut reference to a data: URL', '[x]\n\n[x]: data:text/html,<script>alert(1)</script>'],
	['an autolink to javascript:', '<javascript:alert(1)>'],
	['an autolink to JAVASCRIPT:', '<JAVASCRIPT:alert(1)>'],
	['an autolink to a data: URL', '<data:text/html,<script>alert(1)</script>>'],
	['an autolink to vbscript:', '<vbscript:msgbox(1)>'],
	['a bare javascript: URL', 'javascript:alert(1)'],
	['a bare javascript:// URL that linkify might take for a link', 'vai su javascript://example.com/%0Aalert(1)'],
	['a bare data: URL', 'data:text/html;base64,PHNjcmlwdD4='],
	['an image with a javascript: source', '![x](javascript:alert(1))'],
	['a tracking pixel', '![x](https://tracker.example/pixel.gif)'],
	// Protocol-relative addresses, which leave Trama.
	['an inline protocol-relative link', '[clic](//evil.example/x)'],
	['a bare protocol-relative address', '//evil.example/x'],
	['a link whose backslash browsers read as a slash', '[clic](/\\evil.example)'],
	['an autolink to a protocol-relative address', '<//evil.example>'],
	// Comments, SVG and MathML, styles.
	['an HTML comment around a script', '<!-- <script>alert(1)</script> -->'],
	['an HTML comment closed early', '<!--><img src=x onerror=alert(1)>-->'],
	['a script inside svg', '<svg><script>alert(1)</script></svg>'],
	['an svg link to javascript:', '<svg><a xlink:href="javascript:alert(1)"><text>clic</text></a></svg>'],
	['a MathML mutation payload', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
	['a style attribute', '<p style="background:url(javascript:alert(1))">testo</p>'],
	['a style element', '<style>*{background:url("javascript:alert(1)")}</style>'],
	// Mentions, broken or carrying markup.
	['a mention whose id is a javascript: URL', '@[Anna](mention:javascript:alert(1))'],
	['a mention whose id tries to close its attribute', `@[Anna](mention:${ID}" onmouseover="alert(1))`],
	['a mention link without its @', `[Anna](mention:${ID})`],
	['a mention never closed', `@[Anna](mention:${ID}`],
	['a mention whose name is an image with onerror', `@[<img src=x onerror=alert(1)>](mention:${ID})`],
	['a mention whose name is a script', `@[<script>alert(1)</script>](mention:${ID})`],
	['a mention whose name closes an attribute', `@["><svg onload=alert(1)>](mention:${ID})`],
	['a mention whose name is code', `@[\`<b>\`](mention:${ID})`],
	['a mention whose name is emphasised', `@[**Anna** _Colombo_](mention:${ID})`],
	['a mention whose name holds a link', `@[[x](javascript:alert(1))](mention:${ID})`],
	['a heading, which a message may not have', '# Titolo\n\nTitolo\n==='],
	['HTML inside a link text', '[<img src=x onerror=alert(1)>](https://example.org)']
];

describe('renderMarkdown', () => {
	it.each(corpus)('renders %s inert', (_, payload) => {
		expect(inspect(renderMarkdown(payload))).toEqual([]);
	});

	it('keeps the markup people use: emphasis, lists, quotes, code, tables and line breaks', () => {
		const html = renderMarkdown('**Nota** _bene_ ~~no~~ `x`\nriga due\n\n- uno\n\n3. tre\n\n> citazione\n\n| a |\n|:-:|\n| b |');
		expect(inspect(html)).toEqual([]);
		for (const element of ['<strong>', '<em>', '<s>', '<code>', '<br>', '<ul>', '<ol start="3">', '<blockquote>']) {
			expect(html).toContain(element);
		}
		expect(html).toContain('<th style="text-align:center">');
	});

	it('keeps links to the web, to mail and within Trama, lending outside ones no trust', () => {
		const html = renderMarkdown(
			'[Comune](https://www.comune.frosinone.it) [scrivici](mailto:rete@trama.test) [patto](/networks/1/documents/2) www.asl.fr.it'
		);
		expect(inspect(html)).toEqual([]);
		expect(html).toContain('<a href="https://www.comune.frosinone.it" rel="nofollow noopener noreferrer ugc">Comune</a>');
		expect(html).toContain('<a href="mailto:rete@trama.test" rel="nofollow noopener noreferrer ugc">scrivici</a>');
		expect(html).toContain('<a href="/networks/1/documents/2">patto</a>');
		expect(html).toContain('<a href="http://www.asl.fr.it" rel="nofollow noopener noreferrer ugc">www.asl.fr.it</a>');
	});

	it('shows a mention as @Name in a span naming the person, its name escaped', () => {
		expect(renderMarkdown(`Ciao ${mentionToken('Anna <Comune>', ID)}!`)).toBe(
			`<p>Ciao <span class="mention" data-user="${ID}">@Anna &lt;Comune&gt;</span>!</p>\n`
		);
	});

	it('shows a mention link without its @ as its words alone, since nobody is notified of it', () => {
		expect(renderMarkdown(`Vedi [Anna](mention:${ID}).`)).toBe('<p>Vedi Anna.</p>\n');
	});

	it('shows what is left of a dangerous link as text, so nothing typed is lost', () => {
		expect(renderMarkdown('[clic](javascript:alert(1))')).toBe('<p>[clic](javascript:alert(1))</p>\n');
	});
});

describe('the inspector these tests rely on', () => {
	it.each([
		['an element outside the allow-list', '<p><img src="x"></p>', 'element <img> is not allowed'],
		['an event handler', '<p onclick="x">a</p>', 'event handler onclick'],
		['a javascript: link', '<a href="javascript:alert(1)">a</a>', 'href="javascript:alert(1)" on <a>'],
		['an entity-encoded javascript: link', '<a href="&#106;avascript:x">a</a>', 'unexpected entity &#106;'],
		['a protocol-relative link', '<a href="//evil.example">a</a>', 'href="//evil.example" on <a>'],
		['an attribute a tag may not carry', '<span class="mention" style="x">a</span>', 'attribute style on <span>'],
		['markup inside a mention', `<span class="mention" data-user="${ID}"><b>x</b></span>`, 'markup inside a mention: <b>'],
		['an unclosed tag', '<p>a<script', 'not a well-formed tag at <script'],
		['unescaped markup in text', '<p>a > b</p>', 'unescaped markup in text: a > b']
	])('finds %s', (_, html, problem) => {
		expect(inspect(html)).toContain(problem);
	});
});
