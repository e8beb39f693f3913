import * as Y from 'yjs';
import { FRAGMENT } from '../../editor/fragment.ts';

/**
 * Makes a document's text that of an older state, as one change: every
 * current block is deleted and copies of the older ones inserted. The
 * characters are new ones, so a comment anchored to the text of now no
 * longer finds it, even where the words are the same (see
 * confirmations/version.ts, which tells which ones before asking).
 */
export function replaceContent(doc: Y.Doc, state: Uint8Array, origin: unknown): void {
	const source = new Y.Doc();
	Y.applyUpdate(source, state);
	// Tiptap never writes XmlHooks; cloning keeps elements and text only.
	const content = source
		.getXmlFragment(FRAGMENT)
		.toArray()
		.filter((node) => !(node instanceof Y.XmlHook))
		.map((node) => (node as Y.XmlElement | Y.XmlText).clone());
	const fragment = doc.getXmlFragment(FRAGMENT);
	doc.transact(() => {
		fragment.delete(0, fragment.length);
		fragment.insert(0, content);
	}, origin);
	source.destroy();
}
