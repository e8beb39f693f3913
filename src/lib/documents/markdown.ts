/**
 * A document as GitHub-flavoured Markdown. Text is escaped so that what a
 * partner typed (an asterisk, a `<script>`, a line starting "1.") stays text
 * in any Markdown reader; only links with a safe protocol stay links, and
 * only images of the network's files stay images.
 */
import { columnCount, hasMark, headingLevel, intAttr, markOf, readDoc, unsupported, type DocNode } from './json.ts';
import { safeHref } from './links.ts';
import { imageAlt, imageFileId, imageSrc, imageTitle } from './images.ts';

export interface MarkdownOptions {
	/**
	 * The site's address (https://trama.example.org), so that images point
	 * back to it from wherever the file is opened; without it their
	 * addresses are relative to the site.
	 */
	origin?: string;
}

export function toMarkdown(json: unknown, { origin = '' }: MarkdownOptions = {}): string {
	const text = blocks(readDoc(json).content ?? [], origin);
	return text ? `${text}\n` : '';
}

/** Blocks with a blank line between them; empty paragraphs leave no trace. */
function blocks(nodes: DocNode[], origin: string): string {
	return nodes
		.map((node) => block(node, origin))
		.filter(Boolean)
		.join('\n\n');
}

/**
 * `![alt](address "title")`. The address is the file's, which asks the
 * reader to sign in and checks their membership; an image whose address
 * was refused is left as its alternative text.
 */
function image(node: DocNode, origin: string): string {
	const alt = escapeText(imageAlt(node));
	const fileId = imageFileId(node.attrs);
	if (!fileId) return escapeLineStart(alt);
	const title = imageTitle(node);
	const quoted = title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : '';
	return `![${alt}](${origin}${imageSrc(fileId)}${quoted})`;
}

function block(node: DocNode, origin: string): string {
	switch (node.type) {
		case 'paragraph':
			return inline(node.content ?? [], 'lines');
		case 'heading': {
			// A run of # at the end of a heading line would be read as its closing sequence.
			const text = inline(node.content ?? [], 'line').replace(/ (#+)$/, ' \\$1');
			return text && `${'#'.repeat(headingLevel(node))} ${text}`;
		}
		case 'blockquote': {
			const inner = blocks(node.content ?? [], origin);
			return inner && indent(inner, '> ', '> ');
		}
		case 'bulletList':
			return listItems(node, () => '- ', origin);
		case 'orderedList': {
			const start = intAttr(node, 'start', 1);
			return listItems(node, (index) => `${start + index}. `, origin);
		}
		case 'codeBlock':
			return codeBlock(node);
		case 'horizontalRule':
			return '---';
		case 'table':
			return table(node, origin);
		case 'image':
			return image(node, origin);
		default:
			throw unsupported(node);
	}
}

/** Prefixes the first line with first and the others with rest; blank lines stay blank. */
function indent(text: string, first: string, rest: string): string {
	return text
		.split('\n')
		.map((line, i) => (i === 0 ? first + line : line ? rest + line : rest.trimEnd()))
		.join('\n');
}

function listItems(list: DocNode, marker: (index: number) => string, origin: string): string {
	return (list.content ?? [])
		.map((item, index) => {
			if (item.type !== 'listItem') throw unsupported(item);
			const [first, ...rest] = item.content ?? [];
			let body = first ? block(first, origin) : '';
			for (const child of rest) {
				const text = block(child, origin);
				// A nested list follows its paragraph directly, keeping the list tight.
				if (text) body += (/List$/.test(child.type) ? '\n' : '\n\n') + text;
			}
			const prefix = marker(index);
			return indent(body, prefix, ' '.repeat(prefix.length)).trimEnd();
		})
		.join('\n');
}

function codeBlock(node: DocNode): string {
	const code = (node.content ?? []).map((child) => child.text ?? '').join('');
	// The fence must be longer than any run of backticks inside the code.
	const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(longest + 1);
	const language = String(node.attrs?.language ?? '');
	return `${fence}${/^[\w.+#-]+$/.test(language) ? language : ''}\n${code}\n${fence}`;
}

function table(node: DocNode, origin: string): string {
	if (!node.content?.length) return '';
	const width = columnCount(node);
	const rows = (node.content ?? []).map((row) => {
		const cells = (row.content ?? []).flatMap((cell) => [
			cellText(cell, origin),
			// GFM has no spans: a spanned cell is followed by empty ones so the columns line up.
			...Array<string>(intAttr(cell, 'colspan', 1) - 1).fill('')
		]);
		while (cells.length < width) cells.push('');
		return `| ${cells.join(' | ')} |`;
	});
	// GFM needs a header row: the first row is it, whether or not its cells are headers.
	const separator = `| ${Array(width).fill('---').join(' | ')} |`;
	return [rows[0], separator, ...rows.slice(1)].join('\n');
}

/** A cell on one line: its paragraphs (and those of lists inside it) side by side. */
function cellText(node: DocNode, origin: string): string {
	if (node.type === 'image') return image(node, origin);
	if (node.type === 'codeBlock') return codeSpan((node.content ?? []).map((c) => c.text ?? '').join(' '), 'cell');
	const children = node.content ?? [];
	if (node.type === 'paragraph' || node.type === 'heading') return inline(children, 'cell');
	return children
		.map((child) => cellText(child, origin))
		.filter(Boolean)
		.join(' ');
}

/**
 * Where inline text lands: 'lines' may break lines, 'line' (a heading) may
 * not, 'cell' may not and must also keep its pipes from ending the cell.
 */
type Context = 'lines' | 'line' | 'cell';

/** The marks Markdown can write, outermost first; code is written as a span inside them. */
const DELIMITERS = { bold: '**', italic: '*', strike: '~~' } as const;
type Wrapper = { type: 'link'; href: string } | { type: keyof typeof DELIMITERS };

function wrappersOf(node: DocNode): Wrapper[] {
	const wrappers: Wrapper[] = [];
	const href = safeHref(markOf(node, 'link')?.attrs?.href);
	if (href) wrappers.push({ type: 'link', href });
	for (const type of Object.keys(DELIMITERS) as (keyof typeof DELIMITERS)[]) {
		if (hasMark(node, type)) wrappers.push({ type });
	}
	return wrappers;
}

const sameWrapper = (a: Wrapper, b: Wrapper) => a.type === b.type && (a.type !== 'link' || a.href === (b as typeof a).href);
const opener = (w: Wrapper) => (w.type === 'link' ? '[' : DELIMITERS[w.type]);
// Parentheses and backslashes are the only characters left to escape in an href that safeHref() serialised.
const closer = (w: Wrapper) => (w.type === 'link' ? `](${w.href.replace(/[()\\]/g, '\\$&')})` : DELIMITERS[w.type]);

/**
 * Inline content with its marks. Marks shared by neighbouring text stay open
 * across them (`**a *b***`, not `**a****b**`), and spaces are moved outside
 * delimiters, since `** a**` is not emphasis.
 */
function inline(nodes: DocNode[], context: Context): string {
	let out = '';
	let open: Wrapper[] = [];
	let space = '';
	const closeTo = (depth: number) => {
		while (open.length > depth) out += closer(open.pop()!);
	};
	for (const node of nodes) {
		if (node.type === 'hardBreak') {
			closeTo(0);
			out += context === 'lines' ? '\\\n' : ' ';
			space = '';
			continue;
		}
		if (node.type !== 'text') throw unsupported(node);
		const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec((node.text ?? '').replace(/\n/g, ' '))!;
		if (!core) {
			space += lead;
			continue;
		}
		const wrappers = wrappersOf(node);
		let keep = 0;
		while (keep < open.length && keep < wrappers.length && sameWrapper(open[keep], wrappers[keep])) keep++;
		closeTo(keep);
		out += space + lead;
		for (const wrapper of wrappers.slice(keep)) {
			out += opener(wrapper);
			open.push(wrapper);
		}
		out += hasMark(node, 'code') ? codeSpan(core, context) : escapeText(core);
		space = trail;
	}
	closeTo(0);
	out += space;
	return out.split('\n').map(escapeLineStart).join('\n').trim();
}

/** Inline syntax, and pipes (a table cell's end) everywhere: `\|` reads as | outside tables too. */
function escapeText(text: string): string {
	// Only an ampersand that starts an entity (&amp; &#39;) would be read as one.
	return text.replace(/[\\`*_[\]<>~|]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

function codeSpan(code: string, context: Context): string {
	const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
	const ticks = '`'.repeat(longest + 1);
	const padded = /^`|`$/.test(code) ? ` ${code} ` : code;
	// A GFM table splits rows at every unescaped pipe, even inside code.
	return ticks + (context === 'cell' ? padded.replace(/\|/g, '\\|') : padded) + ticks;
}

/**
 * What only means something at the start of a line: a heading (#), a list
 * (-, +, 1. or 1)), a setext underline (=, -), or an indented code block.
 */
function escapeLineStart(line: string): string {
	return line
		.replace(/^[ \t]+/, '')
		.replace(/^([#+=-])/, '\\$1')
		.replace(/^(\d+)([.)])/, '$1\\$2');
}
