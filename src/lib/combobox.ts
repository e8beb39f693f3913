// The keyboard of an ARIA 1.2 combobox whose focus stays in its text field
// while an option is marked active (aria-activedescendant): the @-mention
// composer, the document picker and the file pickers (attachments, images
// in documents) all follow it through these functions, and all show their
// options with ComboboxList.svelte.

/** The id of a listbox's option, which the field names as active. */
export const optionId = (listboxId: string, index: number): string => `${listboxId}-${index}`;

/** What a key does while the list is open: mark another option, choose the active one, or close the list. */
export type ListKey = { active: number } | 'choose' | 'close';

type Pressed = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey' | 'isComposing'>;

/**
 * The effect of a key on an open list of `count` options, or null when the
 * key is the field's own (typing, moving the caret, a shortcut). The arrows
 * wrap around; Tab chooses only where `tabChooses` (the composer, where Tab
 * would otherwise leave a half-typed name); a key that ends an input-method
 * composition is never taken.
 */
export function listKey(event: Pressed, active: number, count: number, { tabChooses = false } = {}): ListKey | null {
	if (count === 0 || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return null;
	if (event.key === 'ArrowDown') return { active: (active + 1) % count };
	if (event.key === 'ArrowUp') return { active: (active - 1 + count) % count };
	if ((event.key === 'Enter' || (tabChooses && event.key === 'Tab')) && !event.shiftKey) return 'choose';
	if (event.key === 'Escape') return 'close';
	return null;
}

/**
 * The ARIA 1.2 attributes of a combobox's field, spread on its input or
 * textarea: which listbox it controls, whether that is shown, and which
 * option is active while the focus stays in the field.
 */
export function comboboxField(listboxId: string, open: boolean, active: number) {
	return {
		role: 'combobox',
		'aria-autocomplete': 'list',
		'aria-haspopup': 'listbox',
		'aria-expanded': open,
		'aria-controls': listboxId,
		'aria-activedescendant': open ? optionId(listboxId, active) : undefined
	} as const;
}

/** Down opens a closed list, as in any combobox. */
export const opensList = (event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>, open: boolean): boolean =>
	!open && event.key === 'ArrowDown' && !event.ctrlKey && !event.metaKey;
