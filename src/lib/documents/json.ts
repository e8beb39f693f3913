/**
 * Documents travel between modules as ProseMirror JSON. The exports walk that
 * JSON directly rather than a schema-built Node, so they stay light enough for
 * any bundle; readDoc() is where they check its shape, once, before walking.
 */

export interface DocMark {
	type: string;
	attrs?: Record<string, unknown>;
}

export interface DocNode {
	type: string;
	attrs?: Record<string, unknown>;
	content?: DocNode[];
	marks?: DocMark[];
	text?: string;
}

/** Deeper than any real document (lists in quotes in tables…), shallow enough that walking it never overflows the stack. */
const MAX_DEPTH = 100;

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws a message naming what is wrong, rather than a TypeError deep inside an export. */
function check(value: unknown, depth: number): asserts value is DocNode {
	if (depth > MAX_DEPTH) throw new Error(`Malformed document: nested deeper than ${MAX_DEPTH} levels`);
	if (!isObject(value) || typeof value.type !== 'string') throw new Error('Malformed document: a node without a type');
	if (value.attrs !== undefined && !isObject(value.attrs)) throw new Error(`Malformed document: "${value.type}" has attrs that are not an object`);
	if (value.type === 'text' && typeof value.text !== 'string') throw new Error('Malformed document: a text node without text');
	if (value.marks !== undefined) {
		if (!Array.isArray(value.marks) || !value.marks.every((mark) => isObject(mark) && typeof mark.type === 'string')) {
			throw new Error(`Malformed document: "${value.type}" has malformed marks`);
		}
	}
	if (value.content !== undefined) {
		if (!Array.isArray(value.content)) throw new Error(`Malformed document: the content of "${value.type}" is not a list`);
		for (const child of value.content) check(child, depth + 1);
	}
}

/** json as a node (a document or any part of one), or a clear error saying why it is not one. */
export function readNode(json: unknown): DocNode {
	check(json, 0);
	return json;
}

/** json as a whole document, or a clear error saying why it is not one. */
export function readDoc(json: unknown): DocNode {
	check(json, 0);
	if (json.type !== 'doc') throw new Error(`Malformed document: the root is "${json.type}", not "doc"`);
	return json;
}

/** The error every export throws for a node type it does not know how to write. */
export function unsupported(node: DocNode): Error {
	return new Error(`Unsupported node type "${node.type}"`);
}

export function hasMark(node: DocNode, type: string): boolean {
	return node.marks?.some((mark) => mark.type === type) ?? false;
}

export function markOf(node: DocNode, type: string): DocMark | undefined {
	return node.marks?.find((mark) => mark.type === type);
}

/** A positive whole-number attribute (a heading level, a colspan), or fallback. */
export function intAttr(node: DocNode, name: string, fallback: number): number {
	const value = node.attrs?.[name];
	return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Heading levels as the schema allows them, whatever the JSON says. */
export function headingLevel(node: DocNode): 1 | 2 | 3 | 4 | 5 | 6 {
	return Math.min(intAttr(node, 'level', 1), 6) as 1 | 2 | 3 | 4 | 5 | 6;
}

/** How many columns a table has: its widest row, counting spanned cells. */
export function columnCount(table: DocNode): number {
	const widths = (table.content ?? []).map((row) =>
		(row.content ?? []).reduce((sum, cell) => sum + intAttr(cell, 'colspan', 1), 0)
	);
	return Math.max(1, ...widths);
}

/** The same document with a first heading holding its title, for exports that stand alone. */
export function withTitle(doc: DocNode, title: string): DocNode {
	const heading: DocNode = { type: 'heading', attrs: { level: 1 }, content: title ? [{ type: 'text', text: title }] : [] };
	return { ...doc, content: [heading, ...(doc.content ?? [])] };
}
