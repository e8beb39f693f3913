// How a mention is written in a Markdown body: @[Name](mention:<user id>).
// The database reads the same form to notify (mentioned_members() in
// 20261123110100_notifications.sql); the renderer shows it as @Name.
import { isUuid } from './uuid.ts';

export const MENTION_SCHEME = 'mention:';

/** The token the composer inserts for a person; brackets and line breaks in the name would end it early. */
export function mentionToken(name: string, userId: string): string {
	const safe = name.replace(/[[\]\n\r]/g, ' ').trim().slice(0, 120) || '?';
	return `@[${safe}](${MENTION_SCHEME}${userId})`;
}

/** The user id a mention link points at, or null if href is not a well-formed mention. */
export function mentionedId(href: string): string | null {
	if (!href.startsWith(MENTION_SCHEME)) return null;
	const id = href.slice(MENTION_SCHEME.length);
	return isUuid(id) ? id.toLowerCase() : null;
}
