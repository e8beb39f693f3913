import * as Y from 'yjs';
import { FRAGMENT } from '../../editor/fragment.ts';
import { oneLine } from '../../documents/images.ts';
import { storable } from '../../storable-text.ts';

// Tiptap nodes whose children are laid out side by side rather than stacked.
const INLINE_CONTAINERS = new Set(['tableRow']);

/**
 * The plain text of a Tiptap-shaped XmlFragment, for full-text search: one
 * line per block, table cells separated by tabs. Walks Yjs directly so that
 * projecting a large document on every persist stays cheap. Any client can
 * put a NUL in the text: search has no use for it and Postgres refuses it.
 */
export function fragmentText(fragment: Y.XmlFragment): string {
	const lines: string[] = [];
	for (const child of fragment.toArray()) collect(child, lines);
	return storable(lines.join('\n'));
}

/** The same text for a stored state, so every content_text is written one way. */
export function stateText(state: Uint8Array): string {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
		return fragmentText(doc.getXmlFragment(FRAGMENT));
	} finally {
		doc.destroy();
	}
}

function collect(node: Y.XmlElement | Y.XmlText | Y.XmlHook, lines: string[]): void {
	if (node instanceof Y.XmlText) {
		lines.push(textOf(node));
		return;
	}
	if (!(node instanceof Y.XmlElement)) return;
	// An image's words are its alternative text, which search should find.
	if (node.nodeName === 'image') {
		lines.push(oneLine(node.getAttribute('alt')));
		return;
	}
	const children = node.toArray();
	if (children.every((child) => child instanceof Y.XmlText)) {
		lines.push(children.map((text) => textOf(text as Y.XmlText)).join(''));
	} else if (INLINE_CONTAINERS.has(node.nodeName)) {
		const cells = children.map((cell) => {
			const inner: string[] = [];
			collect(cell, inner);
			return inner.filter(Boolean).join(' ');
		});
		lines.push(cells.join('\t'));
	} else {
		for (const child of children) collect(child, lines);
	}
}

// XmlText.toString() renders marks as tags; the delta holds the bare text.
function textOf(text: Y.XmlText): string {
	return (text.toDelta() as { insert: unknown }[])
		.map((op) => (typeof op.insert === 'string' ? op.insert : ''))
		.join('');
}
