/**
 * Comments shown in the text: each open comment's words are wrapped in a
 * <mark> decoration (never a mark in the document: commenting must not write
 * to the shared text, and read-only people cannot). The plugin keeps where
 * each comment's text is now. It re-reads the anchors from Yjs when the
 * comments change and when others' edits arrive (y-tiptap then rebuilds the
 * whole document, so positions cannot be mapped through it); a person's own
 * edits simply map the ranges along.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { decodeAnchor, placementOf, type Anchor, type Placement, type YjsText } from './comment-anchors.ts';
import { DRAFT_ID, type CommentsInText } from './comments-in-text.ts';

interface Decoded {
	id: string;
	anchor: Anchor | null;
	/** Highlighted: open comments and the draft. */
	shown: boolean;
}

interface HighlightState {
	decoded: Decoded[];
	selected: string | null;
	placements: ReadonlyMap<string, Placement>;
	decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

function decode(shown: CommentsInText): Decoded[] {
	const decoded = shown.comments.map((c) => ({
		id: c.id,
		anchor: decodeAnchor({ from: c.anchorFrom, to: c.anchorTo }),
		shown: c.open
	}));
	if (shown.draft) {
		decoded.push({ id: DRAFT_ID, anchor: decodeAnchor({ from: shown.draft.anchorFrom, to: shown.draft.anchorTo }), shown: true });
	}
	return decoded;
}

/** The Yjs side of the editor, once y-tiptap has rendered the document (before that it knows no nodes). */
function yjsText(state: EditorState): YjsText | null {
	const sync = ySyncPluginKey.getState(state);
	if (!sync?.binding || sync.binding.mapping.size === 0) return null;
	return { doc: sync.doc, fragment: sync.type, mapping: sync.binding.mapping };
}

function place(state: EditorState, decoded: Decoded[]): Map<string, Placement> {
	const text = yjsText(state);
	return new Map(
		decoded.map((c): [string, Placement] => [c.id, !text ? 'pending' : c.anchor ? placementOf(text, c.anchor) : 'removed'])
	);
}

/** A person's own edit: ends move with the text, and text typed at an edge stays outside. */
function mapAlong(placements: ReadonlyMap<string, Placement>, tr: Transaction): Map<string, Placement> {
	const mapped = new Map<string, Placement>();
	for (const [id, placement] of placements) {
		if (typeof placement === 'string') {
			mapped.set(id, placement);
			continue;
		}
		const from = tr.mapping.map(placement.from, 1);
		const to = tr.mapping.map(placement.to, -1);
		mapped.set(id, from < to ? { from, to } : 'removed');
	}
	return mapped;
}

function highlightDecorations(
	doc: Node,
	decoded: readonly Decoded[],
	placements: ReadonlyMap<string, Placement>,
	selected: string | null
): DecorationSet {
	const decorations: Decoration[] = [];
	for (const { id, shown } of decoded) {
		const placement = placements.get(id);
		if (!shown || !placement || typeof placement === 'string') continue;
		const classes = ['comment-highlight', id === DRAFT_ID && 'is-draft', id === selected && 'is-selected'];
		decorations.push(
			Decoration.inline(placement.from, placement.to, {
				nodeName: 'mark',
				class: classes.filter(Boolean).join(' '),
				'data-comment-id': id
			})
		);
	}
	return DecorationSet.create(doc, decorations);
}

export interface CommentHighlightsOptions {
	/** Where each comment's text is now, called whenever that may have changed. */
	onPlacements: (placements: ReadonlyMap<string, Placement>) => void;
	/** A click on highlighted words chooses their comment (the innermost, where comments overlap). */
	onSelect: (id: string) => void;
}

/** The plugin on its own, so it can run on an EditorState without a view. */
export function commentHighlightsPlugin({ onPlacements, onSelect }: CommentHighlightsOptions): Plugin<HighlightState> {
	return new Plugin<HighlightState>({
		key: commentHighlightsKey,
		state: {
			init: () => ({ decoded: [], selected: null, placements: new Map(), decorations: DecorationSet.empty }),
			apply(tr, value, _old, state) {
				const shown = tr.getMeta(commentHighlightsKey) as CommentsInText | undefined;
				const remote = tr.getMeta(ySyncPluginKey)?.isChangeOrigin === true;
				if (!shown && !remote && !tr.docChanged) return value;
				const decoded = shown ? decode(shown) : value.decoded;
				const selected = shown ? shown.selected : value.selected;
				const placements =
					shown || remote ? place(state, decoded) : tr.docChanged ? mapAlong(value.placements, tr) : value.placements;
				return { decoded, selected, placements, decorations: highlightDecorations(state.doc, decoded, placements, selected) };
			}
		},
		props: {
			decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
			handleClick(_view, _pos, event) {
				const mark = (event.target as Element | null)?.closest?.('[data-comment-id]');
				const id = mark?.getAttribute('data-comment-id');
				if (id && id !== DRAFT_ID) onSelect(id);
				return false;
			}
		},
		view: () => ({
			update(view: EditorView, previous: EditorState) {
				const now = commentHighlightsKey.getState(view.state)?.placements;
				if (now && now !== commentHighlightsKey.getState(previous)?.placements) onPlacements(now);
			}
		})
	});
}

export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
	name: 'commentHighlights',
	addOptions: () => ({ onPlacements: () => {}, onSelect: () => {} }),
	addProseMirrorPlugins() {
		return [commentHighlightsPlugin(this.options)];
	}
});

/** Shows these comments in the text; a transaction of its own, which changes nothing in the document. */
export function showComments(view: EditorView, shown: CommentsInText) {
	view.dispatch(view.state.tr.setMeta(commentHighlightsKey, shown).setMeta('addToHistory', false));
}

/** Where a comment's text is now, as the plugin last placed it. */
export function placementIn(state: EditorState, id: string): Placement | undefined {
	return commentHighlightsKey.getState(state)?.placements.get(id);
}
