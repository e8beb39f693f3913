/**
 * Nothing destructive happens in one click. A destructive form action that
 * arrives without the confirmation field does nothing and answers with a
 * Confirmation: what would follow, in sentences the page translates, and
 * the fields to send again. The page shows it (ConfirmDialog.svelte: a
 * modal dialog with JavaScript, a panel in the page without), and only the
 * form inside it carries the field. So a hand-made POST does nothing either.
 */
import type { MessageKey } from './i18n/translate.ts';

/** The field, and its one value, that says "yes, I mean it". */
export const CONFIRM_FIELD = 'confirm';
export const CONFIRMED = '1';

/** A message of the catalogue with its placeholders, translated by the page. */
export interface Sentence {
	key: MessageKey;
	params?: Record<string, string | number>;
}

/** One of the things the change takes away, named for the person to recognise it (a comment: its author and words). */
export interface NamedItem {
	/** Null for an account that no longer exists. */
	who: string | null;
	text: string;
}

export interface Confirmation {
	/** The form action to send again, such as "?/remove". */
	action: string;
	/** The fields that named what the change is for. */
	fields: Record<string, string>;
	/** The question, such as "Remove Cooperativa Aurora from the network?". */
	title: Sentence;
	/** What will follow, one sentence each. */
	consequences: Sentence[];
	/** Things named one by one, under their own heading. */
	items?: { title: Sentence; list: NamedItem[] };
	/** The button that does it: "Sì, rimuovi". */
	confirmLabel: Sentence;
	/** When the change cannot be made at all, the reason, and no button to do it. */
	blocked?: Sentence;
}

/** Whether a submitted form carries the confirmation. */
export function isConfirmed(form: FormData): boolean {
	return form.get(CONFIRM_FIELD) === CONFIRMED;
}

/** A page's ActionData as a confirmation to show, or null. */
export function confirmationOf(data: unknown): Confirmation | null {
	if (typeof data !== 'object' || data === null || !('confirmation' in data)) return null;
	const confirmation = (data as { confirmation: unknown }).confirmation;
	return typeof confirmation === 'object' && confirmation !== null ? (confirmation as Confirmation) : null;
}

/**
 * Where "Cancel" leads without JavaScript: the page itself, without the
 * form action's name ("?/remove") that the browser kept in the address
 * after posting, so nothing is sent and the panel is gone.
 */
export function cancelHref(url: URL): string {
	const search = new URLSearchParams();
	for (const [name, value] of url.searchParams) if (!name.startsWith('/')) search.append(name, value);
	const query = search.toString();
	return query ? `${url.pathname}?${query}` : url.pathname;
}

/** A short excerpt of quoted text: whole words, on one line, with an ellipsis when cut. */
export function excerpt(text: string, max = 80): string {
	const line = text.replace(/\s+/g, ' ').trim();
	if (line.length <= max) return line;
	const cut = line.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
