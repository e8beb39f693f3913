/** The keys that start a comment on the selected words, as Google Docs and Word use them. */
export const COMMENT_SHORTCUT = { aria: 'Control+Alt+M', shown: 'Ctrl+Alt+M' } as const;

/** Whether a key press is the comment shortcut (by the key's place, so it works on any keyboard layout). */
export function isCommentShortcut(event: Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey' | 'code'>): boolean {
	return event.ctrlKey && event.altKey && !event.metaKey && !event.shiftKey && event.code === 'KeyM';
}
