import * as Y from 'yjs';
import { replaceContent } from '../collab/replace-content.ts';

/** A comment's stored anchor: the Yjs relative positions of its range's two ends (editor/comment-anchors.ts). */
export interface StoredAnchor {
	anchorFrom: Uint8Array;
	anchorTo: Uint8Array;
}

/** Where a relative position is, or null when its text is gone (deleted, in a deleted block, or collected). */
function place(doc: Y.Doc, stored: Uint8Array): Y.AbsolutePosition | null {
	let position: Y.RelativePosition;
	try {
		position = Y.decodeRelativePosition(stored);
	} catch {
		return null;
	}
	const found = Y.createAbsolutePositionFromRelativePosition(position, doc);
	if (!found) return null;
	for (let item = found.type._item; item; item = item.parent instanceof Y.AbstractType ? item.parent._item : null) {
		if (item.deleted) return null;
	}
	return found;
}

/**
 * Whether a comment still hangs on text, the server's version of the
 * editor's placementOf: without ProseMirror, a range within one block is
 * there while its ends are apart (deleting its characters collapses them
 * onto one point); a range across blocks while both its blocks are.
 */
export function isAnchored(doc: Y.Doc, anchor: StoredAnchor): boolean {
	const from = place(doc, anchor.anchorFrom);
	const to = place(doc, anchor.anchorTo);
	if (!from || !to) return false;
	return from.type !== to.type || from.index < to.index;
}

/**
 * The comments that restoring `restored` over `current` would take off their
 * text: anchored now, not after. Worked out by doing the restore on a copy,
 * the same change the collab server makes, so the answer is what will happen.
 */
export function losingTextOnRestore<C extends StoredAnchor>(current: Uint8Array, restored: Uint8Array, comments: C[]): C[] {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, current);
		const anchored = comments.filter((comment) => isAnchored(doc, comment));
		if (anchored.length === 0) return [];
		replaceContent(doc, restored, null);
		return anchored.filter((comment) => !isAnchored(doc, comment));
	} finally {
		doc.destroy();
	}
}
