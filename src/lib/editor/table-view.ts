import { TableView } from '@tiptap/extension-table';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';

/**
 * Tiptap's table view (a `div.tableWrapper` around the table, which
 * document.css lets scroll sideways), said to be reachable by keyboard. In
 * editable text the caret carries the scroll: the wrapper says it is part of
 * the editable area (which it already is, by inheritance; checkers such as
 * axe look for the attribute). In read-only text there is no caret, so the
 * wrapper itself takes the focus. A focusable box inside the editable area
 * would take clicks from the caret, hence not both.
 */
export class ScrollingTableView extends TableView {
	constructor(node: ProseMirrorNode, cellMinWidth: number, view?: EditorView, HTMLAttributes?: Record<string, unknown>) {
		super(node, cellMinWidth, view, HTMLAttributes);
		if (view?.editable) this.dom.contentEditable = 'true';
		else this.dom.tabIndex = 0;
	}
}
