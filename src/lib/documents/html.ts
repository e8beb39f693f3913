/**
 * A document as HTML for the print view. Safe by construction: every piece of
 * text and every attribute value goes through escape(), element names come
 * from this file only, links keep only http, https and mailto addresses, and
 * images only the addresses of the network's files (see images.ts).
 */
import { hasMark, headingLevel, intAttr, markOf, readDoc, unsupported, type DocNode } from './json.ts';
import { safeHref } from './links.ts';
import { imageElement } from './images.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

interface HtmlOptions {
	/**
	 * Each table inside a focusable box that scrolls sideways, for screens
	 * narrower than the table (a version read in the app); print lays tables
	 * out on its pages instead.
	 */
	scrollingTables?: boolean;
}

export function toHtml(json: unknown, options: HtmlOptions = {}): string {
	return children(readDoc(json), options);
}

function children(node: DocNode, options: HtmlOptions): string {
	return (node.content ?? []).map((child) => render(child, options)).join('');
}

/** Marks as elements, innermost first. */
const MARK_TAGS = [
	['code', 'code'],
	['strike', 's'],
	['underline', 'u'],
	['italic', 'em'],
	['bold', 'strong']
] as const;

function text(node: DocNode): string {
	let html = escape(node.text ?? '');
	for (const [mark, tag] of MARK_TAGS) {
		if (hasMark(node, mark)) html = `<${tag}>${html}</${tag}>`;
	}
	// A link with any other protocol is left as its text.
	const href = safeHref(markOf(node, 'link')?.attrs?.href);
	return href ? `<a href="${escape(href)}" rel="noopener noreferrer">${html}</a>` : html;
}

/** colspan and rowspan as attributes, only when they span and only as numbers. */
function spans(cell: DocNode): string {
	return (['colspan', 'rowspan'] as const)
		.map((name) => [name, intAttr(cell, name, 1)] as const)
		.filter(([, value]) => value > 1)
		.map(([name, value]) => ` ${name}="${value}"`)
		.join('');
}

function row(node: DocNode, options: HtmlOptions): string {
	const cells = (node.content ?? []).map((cell) => {
		const tag = cell.type === 'tableHeader' ? 'th' : 'td';
		return `<${tag}${spans(cell)}>${children(cell, options)}</${tag}>`;
	});
	return `<tr>${cells.join('')}</tr>`;
}

function table(node: DocNode, options: HtmlOptions): string {
	const [first, ...rest] = node.content ?? [];
	if (!first) return '';
	// A header row goes in <thead>, which a printed table repeats on every page.
	const headed = (first.content ?? []).every((cell) => cell.type === 'tableHeader');
	const body = (headed ? rest : [first, ...rest]).map((r) => row(r, options)).join('');
	const head = headed ? `<thead>${row(first, options)}</thead>` : '';
	const html = `<table>${head}<tbody>${body}</tbody></table>`;
	// The editor's own wrapper class (Tiptap's TableView), so one rule styles both; focusable so a keyboard scrolls it.
	return options.scrollingTables ? `<div class="tableWrapper" tabindex="0">${html}</div>` : html;
}

/** The file's inline address asks the reader's membership again, so a reader without access sees the alternative text. */
function image(node: DocNode): string {
	const attributes = Object.entries(imageElement(node)).map(([name, value]) => ` ${name}="${escape(value)}"`);
	return `<img${attributes.join('')}>`;
}

function render(node: DocNode, options: HtmlOptions): string {
	switch (node.type) {
		case 'text':
			return text(node);
		case 'hardBreak':
			return '<br>';
		case 'paragraph':
			return `<p>${children(node, options)}</p>`;
		case 'heading': {
			const level = headingLevel(node);
			return `<h${level}>${children(node, options)}</h${level}>`;
		}
		case 'blockquote':
			return `<blockquote>${children(node, options)}</blockquote>`;
		case 'bulletList':
			return `<ul>${children(node, options)}</ul>`;
		case 'orderedList': {
			const start = intAttr(node, 'start', 1);
			return `<ol${start === 1 ? '' : ` start="${start}"`}>${children(node, options)}</ol>`;
		}
		case 'listItem':
			return `<li>${children(node, options)}</li>`;
		case 'codeBlock':
			return `<pre><code>${escape((node.content ?? []).map((c) => c.text ?? '').join(''))}</code></pre>`;
		case 'horizontalRule':
			return '<hr>';
		case 'table':
			return table(node, options);
		case 'image':
			return image(node);
		default:
			throw unsupported(node);
	}
}
