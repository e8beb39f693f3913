/**
 * The one list of Tiptap extensions, shared by the browser editor and the
 * server (as Docmost's collaboration.util.ts is), so the server reads a Y.Doc
 * with exactly the schema the editor wrote it with. A node the schema does not
 * know is dropped when read, so any change here is a change to stored data.
 *
 * Collaboration and CollaborationCaret are not in this list: they need a live
 * Y.Doc and provider, so the browser adds them. Imports are relative with
 * their extension so the collab server can load this file in plain Node.
 */
import { getSchema, type Extensions } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { safeHref } from '../documents/links.ts';
import { DocumentImage } from './image.ts';
import { SectionGuide } from './section-guide.ts';
import { ScrollingTableView } from './table-view.ts';

export { FRAGMENT } from './fragment.ts';

export const documentExtensions: Extensions = [
	StarterKit.configure({
		// Collaboration brings its own undo, which only undoes this person's changes.
		undoRedo: false,
		link: {
			// A click edits the text; people open a link from its own menu.
			openOnClick: false,
			autolink: true,
			defaultProtocol: 'https',
			// Replaces Tiptap's list (which allows ftp, tel, sms, relative URLs…).
			isAllowedUri: (url) => safeHref(url) !== null
		}
	}),
	// Column widths are not stored: exports and narrow screens size tables themselves.
	TableKit.configure({ table: { resizable: false, View: ScrollingTableView } }),
	// Only files of the network's file space, each shown as its reader may see it.
	DocumentImage,
	// A template's hint for a section, kept on its empty paragraph rather than written as text.
	SectionGuide
];

let schema: Schema | undefined;

/** The ProseMirror schema of documentExtensions, built on first use. */
export function documentSchema(): Schema {
	schema ??= getSchema(documentExtensions);
	return schema;
}
