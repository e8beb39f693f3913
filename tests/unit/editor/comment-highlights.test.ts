import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { initProseMirrorDoc, ySyncPlugin, ySyncPluginKey } from '@tiptap/y-tiptap';
import { documentSchema } from '../../../src/lib/editor/extensions.ts';
import { encodeAnchor } from '../../../src/lib/editor/comment-anchors.ts';
import { commentHighlightsKey, commentHighlightsPlugin, placementIn } from '../../../src/lib/editor/comment-highlights.ts';
import type { AnchoredComment, CommentsInText } from '../../../src/lib/editor/comments-in-text.ts';
import { find, PACT, Replica } from './replica.ts';

// The highlight plugin on an EditorState with y-tiptap's sync plugin, as in
// the editor but without a view: remote edits arrive as y-tiptap delivers
// them (the whole document replaced, marked as its change), local edits as
// ordinary transactions.

/** Anna's editor: her replica, and the state y-tiptap and the plugin keep over it. */
function editorOf(replica: Replica) {
	const { doc, mapping } = initProseMirrorDoc(replica.fragment, documentSchema());
	let state = EditorState.create({
		schema: documentSchema(),
		doc,
		plugins: [ySyncPlugin(replica.fragment, { mapping }), commentHighlightsPlugin({ onPlacements: () => {}, onSelect: () => {} })]
	});
	return {
		get state() {
			return state;
		},
		apply(tr: ReturnType<EditorState['tr']['setMeta']>) {
			state = state.apply(tr);
		},
		show(shown: Partial<CommentsInText>) {
			state = state.apply(state.tr.setMeta(commentHighlightsKey, { comments: [], selected: null, draft: null, ...shown }));
		},
		/** What y-tiptap does when others' changes reach the Y.Doc: a new mapping, the whole document replaced. */
		receive(from: Replica) {
			replica.receive(from);
			const next = initProseMirrorDoc(replica.fragment, documentSchema());
			mapping.clear();
			for (const [type, node] of next.mapping) mapping.set(type, node);
			state = state.apply(
				state.tr.replaceWith(0, state.doc.content.size, next.doc.content).setMeta(ySyncPluginKey, { isChangeOrigin: true })
			);
		},
		/** The highlighted words, with their classes. */
		highlights() {
			const set = commentHighlightsKey.getState(state)!.decorations;
			return set.find().map((d: Decoration) => {
				const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
				return { text: state.doc.textBetween(d.from, d.to), id: attrs['data-comment-id'], class: attrs.class };
			});
		}
	};
}

function commentOn(replica: Replica, id: string, words: string, open = true): AnchoredComment {
	const { doc, anchor } = replica.render();
	const { from, to } = encodeAnchor(anchor(find(doc, words)));
	return { id, anchorFrom: from, anchorTo: to, open };
}

describe('comment highlights', () => {
	it('highlights open comments and the draft, emphasises the chosen one, and leaves resolved ones unmarked', () => {
		const anna = Replica.of(PACT);
		const editor = editorOf(anna);
		const draft = commentOn(anna, 'draft', 'i dati');
		editor.show({
			comments: [commentOn(anna, 'c1', 'una sala'), commentOn(anna, 'c2', 'Le parti'), commentOn(anna, 'c3', 'Comune', false)],
			selected: 'c1',
			draft: { anchorFrom: draft.anchorFrom, anchorTo: draft.anchorTo, quote: 'i dati' }
		});
		expect(editor.highlights()).toEqual([
			{ text: 'Le parti', id: 'c2', class: 'comment-highlight' },
			{ text: 'i dati', id: 'draft', class: 'comment-highlight is-draft' },
			{ text: 'una sala', id: 'c1', class: 'comment-highlight is-selected' }
		]);
		// A resolved comment is still placed, so the panel can show its words.
		expect(placementIn(editor.state, 'c3')).toEqual(find(editor.state.doc, 'Comune'));
	});

	it('keeps the highlight on the commented words while someone types in a paragraph above', () => {
		const anna = Replica.of(PACT);
		const marco = anna.fork();
		const editor = editorOf(anna);
		editor.show({ comments: [commentOn(anna, 'c1', 'una sala')] });
		marco.block(1).insert(0, 'Scrive Marco. ');
		editor.receive(marco);
		expect(editor.state.doc.textContent).toContain('Scrive Marco. Le parti');
		expect(editor.highlights()).toEqual([{ text: 'una sala', id: 'c1', class: 'comment-highlight' }]);
	});

	it('follows the person’s own typing before the words, and drops the highlight when they delete them', () => {
		const anna = Replica.of(PACT);
		const editor = editorOf(anna);
		editor.show({ comments: [commentOn(anna, 'c1', 'una sala')] });
		editor.apply(editor.state.tr.insertText('Oggi ', find(editor.state.doc, 'Il Comune').from));
		expect(editor.highlights().map((h) => h.text)).toEqual(['una sala']);
		const words = find(editor.state.doc, 'una sala');
		editor.apply(editor.state.tr.delete(words.from, words.to));
		expect(editor.highlights()).toEqual([]);
		expect(placementIn(editor.state, 'c1')).toBe('removed');
	});

	it('does no work for a transaction that changes only the selection', () => {
		const anna = Replica.of(PACT);
		const editor = editorOf(anna);
		editor.show({ comments: [commentOn(anna, 'c1', 'una sala')] });
		const before = commentHighlightsKey.getState(editor.state);
		editor.apply(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, 3)));
		expect(commentHighlightsKey.getState(editor.state)).toBe(before);
	});

	it('treats an anchor that cannot be decoded as detached, not as an error', () => {
		const anna = Replica.of(PACT);
		const editor = editorOf(anna);
		editor.show({ comments: [{ id: 'bad', anchorFrom: '', anchorTo: '', open: true }] });
		expect(placementIn(editor.state, 'bad')).toBe('removed');
		expect(editor.highlights()).toEqual([]);
	});
});
