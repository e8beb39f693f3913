/**
 * From the stored Yjs state to ProseMirror JSON and plain text, with the
 * editor's own schema: exports and diffs start here. (Search text is read
 * from Yjs directly, in src/lib/server/collab/text.ts.)
 */
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { documentSchema, FRAGMENT } from '../editor/extensions.ts';
import { readNode, type DocNode } from './json.ts';
import { imageAlt } from './images.ts';

/** The document held by a Yjs state (an update from Y.encodeStateAsUpdate). */
export function stateToJson(state: Uint8Array): DocNode {
	return readState(state, docToJson);
}

/**
 * What `read` finds in the Y.Doc a stored state holds, decoded once and
 * checked whole: an export that needs more than the text reads it from the
 * same Y.Doc.
 */
export function readState<T>(state: Uint8Array, read: (ydoc: Y.Doc) => T): T {
	if (!(state instanceof Uint8Array)) throw new Error('Document state must be bytes');
	const ydoc = new Y.Doc();
	try {
		try {
			Y.applyUpdate(ydoc, state);
		} catch (cause) {
			throw new Error('Document state is not a Yjs update', { cause });
		}
		// Yjs keeps changes whose predecessors it has not seen aside, silently:
		// a whole state never has any, so their presence means bytes were lost.
		if (ydoc.store.pendingStructs || ydoc.store.pendingDs) {
			throw new Error('Document state is incomplete: it refers to changes it does not contain');
		}
		return read(ydoc);
	} finally {
		ydoc.destroy();
	}
}

/**
 * The document held by ydoc. The trap: like the editor, y-tiptap deletes from
 * ydoc any element the schema cannot build (leftovers of concurrent edits, or
 * a node type this schema does not know), so on a live document that deletion
 * is a change, which every open editor would make anyway on loading it.
 */
export function docToJson(ydoc: Y.Doc): DocNode {
	const schema = documentSchema();
	const fragment = ydoc.getXmlFragment(FRAGMENT);
	// An empty fragment is a new, blank document: the editor shows it as one empty paragraph.
	if (fragment.length === 0) return schema.topNodeType.createAndFill()!.toJSON() as DocNode;
	try {
		const doc = yXmlFragmentToProseMirrorRootNode(fragment, schema);
		// y-tiptap checks each block it builds but not the document around them
		// (text loose at the top, or nothing left once unreadable blocks are dropped).
		doc.check();
		return doc.toJSON() as DocNode;
	} catch (cause) {
		throw new Error(`Document content does not fit the schema (${(cause as Error).message})`, { cause });
	}
}

/** Nodes whose children are inline: their text runs on, everything else starts a line. */
const isInline = (node: DocNode) => node.type === 'text' || node.type === 'hardBreak';

function textOf(node: DocNode): string {
	if (node.type === 'text') return node.text ?? '';
	if (node.type === 'hardBreak') return '\n';
	// An image reads as its alternative text, as a screen reader says it.
	if (node.type === 'image') return imageAlt(node);
	const children = node.content ?? [];
	// A cell is one field of its row: its own line breaks would break the row.
	if (node.type === 'tableCell' || node.type === 'tableHeader') {
		return children.map(textOf).filter(Boolean).join(' ').replace(/\s*\n\s*/g, ' ');
	}
	if (node.type === 'tableRow') {
		const cells = children.map(textOf);
		return cells.some(Boolean) ? cells.join('\t') : '';
	}
	if (children.some(isInline)) return children.map(textOf).join('');
	return children.map(textOf).filter(Boolean).join('\n');
}

/**
 * The words of a document or of one of its nodes: one line per block (empty
 * blocks left out), a table row per line with its cells separated by tabs.
 * It decides by shape, not by node type, so a node added to the schema later
 * still reads sensibly; images, which have no text inside, read as their
 * alternative text.
 */
export function plainText(json: DocNode): string {
	return textOf(readNode(json));
}
