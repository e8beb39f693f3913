import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/server/markdown.ts';
import { mentionToken } from '../../src/lib/mentions.ts';
import { NOBODY as ID, XSS_CORPUS, readableCall } from '../xss-corpus.ts';

// renderMarkdown() against the XSS corpus that the e2e spec also posts. No
// HTML parser is among the dependencies, so the output is read by a strict
// tokenizer instead: it must consist only of text (with & < > " escaped) and
// well-formed tags from an allow-list, each with only the attributes that tag
// may carry, and links only to the web, to mail or within Trama. Anything the
// tokenizer does not recognise is itself a finding, which is stricter than a
// browser would be.

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

// Besides the XSS corpus, text that must not become what the renderer
// refuses: links that leave Trama looking like its own, tracking pixels,
// headings, and mentions broken in ways the corpus does not try.
const policy: [string, string][] = [
	['a script element with a source', '<SCRIPT SRC=//xss.example/x.js></SCRIPT>'],
	['a tracking pixel', '![x](https://tracker.example/pixel.gif)'],
	['an inline protocol-relative link', '[clic](//evil.example/x)'],
	['a bare protocol-relative address', '//evil.example/x'],
	['a link whose backslash browsers read as a slash', '[clic](/\\evil.example)'],
	['an autolink to a protocol-relative address', '<//evil.example>'],
	['a mention link without its @', `[Anna](mention:${ID})`],
	['a mention never closed', `@[Anna](mention:${ID}`],
	['a mention whose name is emphasised', `@[**Anna** _Colombo_](mention:${ID})`],
	['a heading, which a message may not have', '# Titolo\n\nTitolo\n===']
];

describe('renderMarkdown', () => {
	it.each(XSS_CORPUS)('renders $describes inert', ({ text }) => {
		expect(inspect(renderMarkdown(text))).toEqual([]);
	});

	it('renders the whole corpus inert as one body, the way the e2e spec posts it', () => {
		expect(inspect(renderMarkdown(XSS_CORPUS.map(({ text }) => text).join('\n\n')))).toEqual([]);
	});

	it.each(XSS_CORPUS.filter(({ readable }) => readable))('shows $describes as text a person can read', ({ label, text }) => {
		const html = renderMarkdown(text);
		expect(decode(html.replace(/<[^>]*>/g, ''), [])).toContain(readableCall(label));
	});

	it.each(policy)('renders %s within the allow-list', (_, text) => {
		expect(inspect(renderMarkdown(text))).toEqual([]);
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
