// What a kind of structured item brings to the panel that opens one
// (OpenItem.svelte): the words it speaks in, and the form it is edited with.
import type { MessageKey } from '$lib/i18n';

/** The message keys of the panel, in the kind's own words ("voce", "impegno"). */
export interface ItemWords {
	new: MessageKey;
	notFound: MessageKey;
	notFoundHint: MessageKey;
	close: MessageKey;
	unsaved: MessageKey;
	discard: MessageKey;
	keepEditing: MessageKey;
	removedWhileEditing: MessageKey;
	removedByOthers: MessageKey;
	addAgain: MessageKey;
	addSubmit: MessageKey;
	save: MessageKey;
	added: MessageKey;
	addedAgain: MessageKey;
	saved: MessageKey;
	edit: MessageKey;
	remove: MessageKey;
	/** Said with {name}. */
	removeWarning: MessageKey;
	removeConfirm: MessageKey;
}

/** What the panel hands the kind's form. */
export interface ItemForm<T> {
	id: string;
	initial: T | null;
	submitLabel: string;
	/** False when the item was removed meanwhile: the form stays, and says so. */
	onsave: (item: T) => boolean;
	oncancel: () => void;
	/** The form binds `typed.dirty` while it holds unsaved changes. */
	typed: { dirty: boolean };
}
