// Text being written survives a reload of the page (or a crash of the tab)
// in this tab's session storage, until it is sent. Storage may be refused
// (private modes, quotas): then drafts simply live in the page only.

const PREFIX = 'trama:draft:';

export function restoreDraft(key: string): string {
	try {
		return sessionStorage.getItem(PREFIX + key) ?? '';
	} catch {
		return '';
	}
}

/** Keeps the draft; an empty one is forgotten. */
export function saveDraft(key: string, text: string): void {
	try {
		if (text.trim()) sessionStorage.setItem(PREFIX + key, text);
		else sessionStorage.removeItem(PREFIX + key);
	} catch {
		// Nothing to do: the text is still in the page.
	}
}
