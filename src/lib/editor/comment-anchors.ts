/**
 * Where a comment hangs in the text. A comment stores the Yjs relative
 * positions of its range's two ends: they name characters, not offsets, so
 * they follow the words while others type before or inside them, in every
 * browser, without the comment ever writing to the document.
 *
 * The start clings to the first commented character and the end to the last
 * (assoc ≥ 0 and < 0): text typed just before or just after the range stays
 * outside it, text typed inside it joins it. When those characters are
 * deleted both ends collapse onto one point, and the comment is detached.
 */
import * as Y from 'yjs';
import { toBase64, fromBase64 } from 'lib0/buffer';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import type { Node } from '@tiptap/pm/model';
import { QUOTE_MAX } from '../comments/types.ts';

/** Which ProseMirror node each Yjs type renders as (y-tiptap does not export its name for it). */
type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/** What the editor's Yjs binding knows: the shared document, the fragment holding the text, and the ProseMirror node of each Yjs type. */
export interface YjsText {
	doc: Y.Doc;
	fragment: Y.XmlFragment;
	mapping: ProsemirrorMapping;
}

/** A range of ProseMirror positions, from < to. */
export interface TextRange {
	from: number;
	to: number;
}

export interface Anchor {
	from: Y.RelativePosition;
	to: Y.RelativePosition;
}

/** Where a comment's text is now; 'removed' once it was deleted; 'pending' while it names changes this browser has not received yet. */
export type Placement = TextRange | 'removed' | 'pending';

/** The anchor of a selected range of the editor's current text. */
export function anchorOf(text: YjsText, range: TextRange): Anchor {
	return {
		from: clinging(text.doc, absolutePositionToRelativePosition(range.from, text.fragment, text.mapping), 0),
		to: clinging(text.doc, absolutePositionToRelativePosition(range.to, text.fragment, text.mapping), -1)
	};
}

/** y-tiptap always leans a position to the left; inside text, re-make it leaning the way we need. */
function clinging(doc: Y.Doc, position: Y.RelativePosition, assoc: number): Y.RelativePosition {
	const place = Y.createAbsolutePositionFromRelativePosition(position, doc);
	if (!place || !(place.type instanceof Y.XmlText)) return position;
	return Y.createRelativePositionFromTypeIndex(place.type, place.index, assoc);
}

/** Where the anchored text is in the editor's current text. */
export function placementOf(text: YjsText, anchor: Anchor): Placement {
	const from = positionOf(text, anchor.from);
	const to = positionOf(text, anchor.to);
	if (from === 'pending' || to === 'pending') return 'pending';
	if (from === null || to === null || from >= to) return 'removed';
	return { from, to };
}

function positionOf(text: YjsText, position: Y.RelativePosition): number | null | 'pending' {
	const place = Y.createAbsolutePositionFromRelativePosition(position, text.doc);
	// Deleted text is collected (its paragraph's too), so Yjs cannot find it.
	if (!place) return received(text.doc, position) ? null : 'pending';
	// y-tiptap answers null for a character-based position at the very start
	// of the document (it suspects a block moved by drag and drop: for us, a
	// deleted block, whose text was collected above). The same place named by
	// its type and index resolves.
	const plain = Y.createRelativePositionFromTypeIndex(place.type, place.index, -1);
	return relativePositionToAbsolutePosition(text.doc, text.fragment, plain, text.mapping);
}

/** Whether this browser has the change a position names; Yjs answers null both for that and for text collected after deletion. */
function received(doc: Y.Doc, position: Y.RelativePosition): boolean {
	const id = position.item ?? position.type;
	return id === null || Y.getState(doc.store, id.client) > id.clock;
}

/** The anchor as the comment form sends it and the database stores it. */
export function encodeAnchor(anchor: Anchor): { from: string; to: string } {
	return {
		from: toBase64(Y.encodeRelativePosition(anchor.from)),
		to: toBase64(Y.encodeRelativePosition(anchor.to))
	};
}

/** A stored anchor, or null when its bytes are not a relative position. */
export function decodeAnchor(stored: { from: string; to: string }): Anchor | null {
	try {
		return {
			from: Y.decodeRelativePosition(fromBase64(stored.from)),
			to: Y.decodeRelativePosition(fromBase64(stored.to))
		};
	} catch {
		return null;
	}
}

/** The commented words as the panel quotes them: blocks on their own lines, cut to what the database keeps. */
export function quoteOf(doc: Node, range: TextRange): string {
	const text = doc
		.textBetween(range.from, range.to, '\n', ' ')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text;
}
