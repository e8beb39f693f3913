// A document's comments as the page shows them: bodies already rendered to
// safe HTML on the server, times as ISO strings, anchors as base64.
import type { AttachedFile } from '../attachments/types.ts';

/** The longest comment or reply body, as the database allows (comments.body check). */
export const COMMENT_BODY_MAX = 5000;
/** The longest quote of the commented text the database keeps. */
export const QUOTE_MAX = 2000;

export interface Author {
	/** Null when the account was deleted. */
	id: string | null;
	/** Null when the person is no longer visible: deleted, or gone from every shared network. */
	name: string | null;
	organisation: string;
}

export interface ReplyView {
	id: string;
	html: string;
	author: Author;
	createdAt: string;
	attachments: AttachedFile[];
}

/** What every comment shows, in the text or on a map entry. */
export interface CommentThreadView {
	id: string;
	/** The words the comment was made on, or the entry's name, as they were then. */
	quote: string;
	html: string;
	author: Author;
	createdAt: string;
	resolved: boolean;
	resolvedAt: string | null;
	resolvedByName: string | null;
	attachments: AttachedFile[];
	replies: ReplyView[];
}

/** A comment on a range of the document's text. */
export interface CommentView extends CommentThreadView {
	/** Y.encodeRelativePosition of the range's start and end, in base64. */
	anchorFrom: string;
	anchorTo: string;
}

/** A comment on one entry of a territorial map. */
export interface EntryCommentView extends CommentThreadView {
	/** The entry's id; it may have been removed since. */
	entryId: string;
}

/** How many comments an entry has, and how many of them are still open. */
export interface EntryCommentCount {
	total: number;
	open: number;
}
