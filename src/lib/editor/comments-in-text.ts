// What the page hands the editor about comments, and what the editor hands
// back. Types and one constant only, so the page can name them without
// loading Tiptap or Yjs.

/** A comment as the editor needs it: its stored anchor, and whether it is open (highlighted) or only placed. */
export interface AnchoredComment {
	id: string;
	/** Y.encodeRelativePosition of the range's start and end, in base64. */
	anchorFrom: string;
	anchorTo: string;
	open: boolean;
}

/** A comment being written: the anchor of the selected words and their quote. */
export interface CommentDraft {
	anchorFrom: string;
	anchorTo: string;
	quote: string;
}

/** What the page shows in the text: the comments, the one chosen, and the words a comment is being written on. */
export interface CommentsInText {
	comments: readonly AnchoredComment[];
	selected: string | null;
	draft: CommentDraft | null;
}

/** The id the draft's highlight carries. */
export const DRAFT_ID = 'draft';

/** What the running editor does for the comments. */
export interface CommentHost {
	/** Highlights these comments in the text. */
	show(shown: CommentsInText): void;
	/** The selected words as a draft comment; null when no text is selected. */
	draftFromSelection(): CommentDraft | null;
	/** Scrolls the comment's words into view; false when they are not in the text. */
	reveal(id: string): boolean;
}
