// The editor's side of commenting: turning the selection into a draft, and
// bringing a comment's words into view. Loaded with the editor.
import type { Editor } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { anchorOf, encodeAnchor, quoteOf } from './comment-anchors.ts';
import { placementIn, showComments } from './comment-highlights.ts';
import type { CommentDraft, CommentHost } from './comments-in-text.ts';

export function commentHost(editor: Editor): CommentHost {
	return {
		show: (shown) => showComments(editor.view, shown),

		draftFromSelection(): CommentDraft | null {
			const { state } = editor;
			const { from, to, empty } = state.selection;
			if (empty) return null;
			const quote = quoteOf(state.doc, { from, to });
			const sync = ySyncPluginKey.getState(state);
			if (!quote || !sync?.binding) return null;
			// The binding wrote every earlier transaction to Yjs already: the anchor names today's characters.
			const anchor = anchorOf({ doc: sync.doc, fragment: sync.type, mapping: sync.binding.mapping }, { from, to });
			const { from: anchorFrom, to: anchorTo } = encodeAnchor(anchor);
			return { anchorFrom, anchorTo, quote };
		},

		reveal(id) {
			const placement = placementIn(editor.state, id);
			if (!placement || typeof placement === 'string') return false;
			const { view } = editor;
			const at = view.domAtPos(placement.from);
			const near = at.node instanceof Element ? at.node : at.node.parentElement;
			const target = view.dom.querySelector(`[data-comment-id="${CSS.escape(id)}"]`) ?? near;
			const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
			target?.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
			return true;
		}
	};
}
