import type { Placement } from './comment-anchors.ts';
import type { AnchoredComment, CommentDraft, CommentHost } from './comments-in-text.ts';

/**
 * The comments shared by the editor and the side panel of one document: the
 * panel chooses and drafts, the editor highlights and places. The editor
 * sets `host` once it is running; until then choosing a comment only marks it.
 */
export class CommentLayer {
	readonly #source: () => readonly AnchoredComment[];
	/** The comments to place in the text, from the page's data. */
	readonly comments = $derived.by(() => this.#source());
	/** The comment chosen in the panel or by clicking its words. */
	selected = $state<string | null>(null);
	/** The comment being written, once "Commenta" has taken the selected words. */
	draft = $state.raw<CommentDraft | null>(null);
	/** Comments whose words are in the text, in the order they appear there. */
	order = $state.raw<readonly string[]>([]);
	/** Comments whose words were deleted from the text. */
	detached = $state.raw<ReadonlySet<string>>(new Set());
	host = $state.raw<CommentHost | null>(null);

	constructor(source: () => readonly AnchoredComment[]) {
		this.#source = source;
	}

	/** Takes the editor's placements; the panel re-renders only when the order or the detached set changed. */
	place(placements: ReadonlyMap<string, Placement>) {
		const placed = [...placements]
			.filter((entry): entry is [string, { from: number; to: number }] => typeof entry[1] !== 'string')
			.sort(([, a], [, b]) => a.from - b.from || a.to - b.to)
			.map(([id]) => id);
		const detached = [...placements].filter(([, placement]) => placement === 'removed').map(([id]) => id);
		if (!sameItems(placed, this.order)) this.order = placed;
		if (detached.length !== this.detached.size || detached.some((id) => !this.detached.has(id))) {
			this.detached = new Set(detached);
		}
	}

	/** Starts a comment on the selected words; false when no text is selected. */
	startDraft(): boolean {
		const draft = this.host?.draftFromSelection() ?? null;
		if (draft) this.draft = draft;
		return draft !== null;
	}

	/** Chooses a comment and brings its words into view. */
	reveal(id: string) {
		this.selected = id;
		this.host?.reveal(id);
	}
}

const sameItems = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
