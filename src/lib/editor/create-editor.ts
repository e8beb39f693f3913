// The Tiptap editor bound to a collaboration session. Loaded with a dynamic
// import from the document page only: Tiptap, ProseMirror and Yjs are most
// of the page's JavaScript, and no other page needs them.
import { Editor, Extension } from '@tiptap/core';
import type { Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { documentExtensions, FRAGMENT } from './extensions.ts';
import { imageFiles, pasteBytes, PASTE_LIMIT_BYTES } from './limits.ts';
import { findFirst, type TextRun } from './find-term.ts';
import type { CollaborationSession } from './collaboration.svelte.ts';
import { CommentHighlights, type CommentHighlightsOptions } from './comment-highlights.ts';
import { guideOf } from './section-guide.ts';

export interface EditorOptions {
	element: HTMLElement;
	session: CollaborationSession;
	editable: boolean;
	/** The editable area's id, for the toolbar's aria-controls. */
	id: string;
	/** The editable area's accessible name, e.g. "Testo del documento «Patto…»"; read again on each update. */
	label: () => string;
	/** Called instead of inserting a paste or drop larger than the limit, with its size in bytes. */
	onTooLarge: (bytes: number) => void;
	/**
	 * Called instead of inserting a paste or drop of image files (a
	 * screenshot, a photo dragged from the desktop), with the selection
	 * already where the image should go.
	 */
	onImageFiles: (files: File[]) => void;
	/** Called on every transaction, so the toolbar can re-read what is active. */
	onChange: () => void;
	/** Comments to highlight in the text, when the page shows them. */
	comments?: CommentHighlightsOptions;
}

function sliceBytes(slice: Slice): number {
	let nodes = 0;
	slice.content.descendants(() => {
		nodes += 1;
	});
	return pasteBytes({ text: slice.content.textBetween(0, slice.content.size, '\n', '\n'), nodes });
}

export function createEditor(options: EditorOptions): Editor {
	const { session } = options;
	let readOnly = !options.editable;
	const refuseIfTooLarge = (slice: Slice): boolean => {
		const bytes = sliceBytes(slice);
		if (bytes <= PASTE_LIMIT_BYTES) return false;
		options.onTooLarge(bytes);
		return true;
	};

	// Tiptap takes editorProps.attributes as a plain object only; a plugin's
	// attributes are re-read on every update, so aria-readonly follows setEditable.
	// Read-only text still takes the focus: on a phone a table makes it scroll
	// sideways, and the keyboard must reach it to scroll it and select words.
	const TextAttributes = Extension.create({
		name: 'documentTextAttributes',
		addProseMirrorPlugins: () => [
			new Plugin({
				key: new PluginKey('documentTextAttributes'),
				props: {
					attributes: () => ({
						id: options.id,
						class: 'doc-body',
						'aria-multiline': 'true',
						'aria-label': options.label(),
						'aria-readonly': String(readOnly),
						...(readOnly && { tabindex: '0' })
					})
				}
			})
		]
	});

	const editor = new Editor({
		element: options.element,
		editable: options.editable,
		extensions: [
			...documentExtensions,
			TextAttributes,
			// Every empty section shows its guide, not only the one holding the caret; readers
			// (a commenter reviewing, say) see them too, so they know what a section still lacks.
			Placeholder.configure({ placeholder: guideOf, showOnlyCurrent: false, showOnlyWhenEditable: false }),
			...(options.comments ? [CommentHighlights.configure(options.comments)] : []),
			Collaboration.configure({ document: session.doc, field: FRAGMENT }),
			CollaborationCaret.configure({
				provider: session.provider,
				user: session.self,
				// The person's colour, light enough for the text under it to stay readable.
				selectionRender: (user: Record<string, unknown>) => ({
					nodeName: 'span',
					class: 'ProseMirror-yjs-selection',
					style: `background-color: ${user.color}33`
				})
			})
		],
		editorProps: {
			handlePaste: (view: EditorView, event: ClipboardEvent, slice: Slice) => {
				const files = imageFiles(event.clipboardData);
				if (view.editable && files.length > 0) {
					options.onImageFiles(files);
					return true;
				}
				return refuseIfTooLarge(slice);
			},
			handleDrop: (view: EditorView, event: DragEvent, slice: Slice, moved: boolean) => {
				if (moved) return false;
				const files = imageFiles(event.dataTransfer);
				const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
				if (view.editable && files.length > 0 && at) {
					event.preventDefault();
					view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
					options.onImageFiles(files);
					return true;
				}
				return refuseIfTooLarge(slice);
			}
		},
		onTransaction: options.onChange
	});

	const setEditable = editor.setEditable.bind(editor);
	editor.setEditable = (editable: boolean, emitUpdate?: boolean) => {
		readOnly = !editable;
		setEditable(editable, emitUpdate);
	};
	return editor;
}

/** The editor's text blocks as runs of text with their document positions. */
function textBlocks(editor: Editor): TextRun[][] {
	const blocks: TextRun[][] = [];
	editor.state.doc.descendants((node, pos) => {
		if (!node.isTextblock) return true;
		const runs: TextRun[] = [];
		node.forEach((child, offset) => {
			if (child.isText && child.text) runs.push({ text: child.text, pos: pos + 1 + offset });
		});
		if (runs.length > 0) blocks.push(runs);
		return false;
	});
	return blocks;
}

/**
 * Selects the first occurrence of a search query and scrolls it into view.
 * Returns whether something was found. A read-only editor cannot hold the
 * focus, so the browser's own selection shows the words there.
 */
export function revealQuery(editor: Editor, query: string): boolean {
	const hit = findFirst(textBlocks(editor), query);
	if (!hit) return false;
	editor.commands.setTextSelection(hit);
	const { view } = editor;
	const start = view.domAtPos(hit.from);
	const end = view.domAtPos(hit.to);
	const selection = window.getSelection();
	selection?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
	const element = start.node instanceof Element ? start.node : start.node.parentElement;
	element?.scrollIntoView({ block: 'center' });
	if (editor.isEditable) editor.commands.focus(undefined, { scrollIntoView: false });
	return true;
}
