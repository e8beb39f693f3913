// A person's copy of a shared document for the anchor and highlight tests:
// a real Y.Doc and the ProseMirror document y-tiptap builds from it, as the
// editor's binding does. Other people's edits arrive from another replica,
// the way the collab server relays them.
import * as Y from 'yjs';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { Node } from '@tiptap/pm/model';
import { documentSchema, FRAGMENT } from '../../../src/lib/editor/extensions.ts';
import { anchorOf, placementOf, type Anchor, type Placement, type TextRange } from '../../../src/lib/editor/comment-anchors.ts';
import { doc, h, p } from '../documents/factories.ts';
import type { DocNode } from '../../../src/lib/documents/json.ts';

export const PACT = doc(
	h(1, 'Patto di comunità'),
	p('Le parti si impegnano a condividere i dati.'),
	p('Il Comune mette a disposizione una sala per gli incontri.')
);

/** A person's browser: the shared Y.Doc and the ProseMirror text rendered from it now. */
export class Replica {
	readonly ydoc = new Y.Doc();
	readonly fragment = this.ydoc.getXmlFragment(FRAGMENT);

	static of(json: DocNode): Replica {
		const replica = new Replica();
		prosemirrorJSONToYXmlFragment(documentSchema(), json, replica.fragment);
		return replica;
	}

	/** Another browser with the same document. */
	fork(): Replica {
		const other = new Replica();
		Y.applyUpdate(other.ydoc, Y.encodeStateAsUpdate(this.ydoc));
		return other;
	}

	/** Receives everything `from` has and this one has not. */
	receive(from: Replica) {
		Y.applyUpdate(this.ydoc, Y.encodeStateAsUpdate(from.ydoc, Y.encodeStateVector(this.ydoc)));
	}

	render(): { doc: Node; place: (anchor: Anchor) => Placement; anchor: (range: TextRange) => Anchor } {
		const { doc, mapping } = initProseMirrorDoc(this.fragment, documentSchema());
		const text = { doc: this.ydoc, fragment: this.fragment, mapping };
		return { doc, place: (anchor) => placementOf(text, anchor), anchor: (range) => anchorOf(text, range) };
	}

	/** The text of the nth top-level block (a heading or paragraph), where people type. */
	block(n: number): Y.XmlText {
		return (this.fragment.get(n) as Y.XmlElement).get(0) as Y.XmlText;
	}
}

/** The range of the first occurrence of words within one text node. */
export function find(node: Node, words: string): TextRange {
	let found: TextRange | null = null;
	node.descendants((child, pos) => {
		const at = child.isText ? child.text!.indexOf(words) : -1;
		if (!found && at >= 0) found = { from: pos + at, to: pos + at + words.length };
		return !found;
	});
	if (!found) throw new Error(`"${words}" is not in the document`);
	return found;
}
