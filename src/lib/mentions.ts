// How a mention is written in a Markdown body: @[Name](mention:<user id>).
// The database reads the same form to notify (mentioned_members() in
// 20261123110100_notifications.sql); the renderer shows it as @Name.
//
// People never type that form: the composer shows and sends `@Anna Colombo`,
// and the server writes each @ followed by a member's exact name as her
// mention before storing (writeMentions), so a form posted without
// JavaScript mentions her too. Only the ids of the network's members can
// come out of it, and the database still notifies only members.
import { isUuid } from './uuid.ts';

export const MENTION_SCHEME = 'mention:';

// An @ starts a mention only at the start or after a space or an opening
// mark, so that mario@comune.it stays an email address and \@Anna stays text.
// Not after [: a mention inside a link's text would be a link in a link.
export const MAY_PRECEDE_MENTION = /[\s(«"'“‘]/;

/** The token the composer inserts for a person; brackets and line breaks in the name would end it early. */
export function mentionToken(name: string, userId: string): string {
	return `@[${tokenName(name)}](${MENTION_SCHEME}${userId})`;
}

const tokenName = (name: string) => name.replace(/[[\]\n\r]/g, ' ').trim().slice(0, 120) || '?';

/** The user id a mention link points at, or null if href is not a well-formed mention. */
export function mentionedId(href: string): string | null {
	if (!href.startsWith(MENTION_SCHEME)) return null;
	const id = href.slice(MENTION_SCHEME.length);
	return isUuid(id) ? id.toLowerCase() : null;
}

/** A member as a mention names her. */
export interface Named {
	id: string;
	name: string;
}

// How a typed name is compared with a member's: the same characters whatever
// the case, the Unicode form (a Mac may send "ò" as o + accent) or the kind
// of apostrophe and space a phone's keyboard put in.
const sameForm = (text: string) =>
	text.normalize('NFC').replace(/[’‘ʼ]/g, "'").replace(/\u00a0/g, ' ').toLocaleLowerCase('it');

// A name ends where a word ends: "@Anna," or "@Anna's" name Anna, "@Annalisa"
// and "@Anna-Maria" do not.
const WORD = /[\p{L}\p{N}\p{M}_]/u;
function endsName(text: string, end: number): boolean {
	const next = text[end];
	if (next === undefined) return true;
	if (next === '-') return !WORD.test(text[end + 1] ?? '');
	return !WORD.test(next);
}

/**
 * The body as stored: every @ followed by a member's exact name (any case)
 * written as her mention, the longest name first so that "@Anna Colombo" is
 * Anna Colombo and not Anna. Mentions already written are left as they are.
 *
 * When members share that name, the ones the writer picked from the
 * suggestions (`picked`, their ids) are meant; a name typed by hand mentions
 * all of them, each with a mention of her own: the writer meant one of them,
 * nothing tells which, and telling both costs less than telling the person
 * meant nothing (both are members, who can read the message anyway).
 */
export function writeMentions(text: string, members: readonly Named[], picked: readonly string[] = []): string {
	const byName = new Map<string, Named[]>();
	for (const member of members) {
		const name = member.name.normalize('NFC').trim();
		if (!name) continue;
		const key = sameForm(name);
		const same = byName.get(key) ?? [];
		if (!same.some((other) => other.id === member.id)) byName.set(key, [...same, { id: member.id, name }]);
	}
	if (byName.size === 0) return text;
	const lengths = [...new Set([...byName.values()].map(([first]) => first.name.length))].sort((a, b) => b - a);

	/** The members whose name follows the @ at `at`, and where the name ends. */
	const namedAt = (source: string, at: number) => {
		for (const length of lengths) {
			const end = at + 1 + length;
			if (end > source.length || !endsName(source, end)) continue;
			const named = byName.get(sameForm(source.slice(at + 1, end)));
			if (named) return { named, end };
		}
		return null;
	};

	const source = text.normalize('NFC');
	let written = '';
	let from = 0;
	for (let at = source.indexOf('@'); at >= 0; at = source.indexOf('@', Math.max(at + 1, from))) {
		if (at > 0 && !MAY_PRECEDE_MENTION.test(source[at - 1])) continue;
		const found = namedAt(source, at);
		if (!found) continue;
		const chosen = found.named.filter((member) => picked.includes(member.id));
		const meant = chosen.length > 0 ? chosen : found.named;
		written += source.slice(from, at) + meant.map((member) => mentionToken(member.name, member.id)).join(' ');
		from = found.end;
	}
	return written + source.slice(from);
}
