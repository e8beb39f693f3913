// Where the focus goes among comment cards, the same in the text's comments
// and in a map entry's: a card found by the id CommentCard gives it.

export const commentCard = (id: string): HTMLElement | null => document.getElementById(`comment-${id}`);

/** A card that changed lists takes the focus; folded among the resolved it cannot, and `folded` (their summary) does. */
export function focusMovedCard(id: string, folded: HTMLElement | undefined): void {
	const card = commentCard(id);
	if (card?.checkVisibility()) card.focus();
	else folded?.focus();
}

/** The card a notification's link names, brought to the top of the view with the focus. */
export function showLinkedCard(id: string): void {
	const card = commentCard(id);
	card?.scrollIntoView({ block: 'start' });
	card?.focus({ preventScroll: true });
}
