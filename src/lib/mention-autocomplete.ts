// The composer's @-mention autocomplete, as pure functions over the text and
// the caret: where the @query being typed starts, which members it matches,
// and the text once a member is chosen. MentionTextarea.svelte wires them to
// the keyboard and the listbox. The text keeps the name as people read it
// (@Anna Colombo); the server writes it as a mention (writeMentions).
import { MAY_PRECEDE_MENTION } from './mentions.ts';

/** A member the composer can mention. */
export interface Mentionable {
	id: string;
	name: string;
	organisation: string;
}

/** The @query before the caret: `start` is the index of the @. */
export interface MentionQuery {
	start: number;
	query: string;
}

// A name is a few words: the query may contain spaces ("@Anna Maria"), but a
// line break, brackets or a second @ end it, and so does a long run of text.
const MAX_QUERY = 40;
const MAX_SPACES = 3;
const ENDS_QUERY = /[\n\r@[\]()]/;

/** The mention being typed just before the caret, or null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
	const before = text.slice(0, caret);
	const start = before.lastIndexOf('@');
	if (start < 0) return null;
	if (start > 0 && !MAY_PRECEDE_MENTION.test(before[start - 1])) return null;
	const query = before.slice(start + 1);
	if (query.length > MAX_QUERY || ENDS_QUERY.test(query) || /^\s/.test(query)) return null;
	if ((query.match(/\s/g) ?? []).length > MAX_SPACES) return null;
	return { start, query };
}

/** Lower case without accents: "Nicolò" and "nicolo" are the same to someone typing. */
export function foldForSearch(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const words = (text: string) => foldForSearch(text).split(/[\s\-–—'’.,/()]+/).filter(Boolean);

/**
 * How well a member answers a query, lower is better, null for no match.
 * Every word typed must begin a word of the name or of the organisation.
 */
function rank(member: Mentionable, queryWords: string[]): number | null {
	const name = words(member.name);
	const organisation = words(member.organisation);
	const begins = (list: string[], word: string) => list.some((w) => w.startsWith(word));
	if (!queryWords.every((word) => begins(name, word) || begins(organisation, word))) return null;
	if (queryWords.every((word, i) => name[i]?.startsWith(word))) return 0;
	if (queryWords.every((word) => begins(name, word))) return 1;
	return 2;
}

/**
 * The members a query matches, best first: the name as typed, then words of
 * the name in any order, then the organisation; ties by name. An empty query
 * lists everyone, so that @ alone shows who can be mentioned.
 */
export function matchMembers<M extends Mentionable>(members: readonly M[], query: string, limit = 8): M[] {
	const queryWords = words(query);
	return members
		.map((member) => ({ member, rank: rank(member, queryWords) }))
		.filter((entry): entry is { member: M; rank: number } => entry.rank !== null)
		.sort((a, b) => a.rank - b.rank || a.member.name.localeCompare(b.member.name, 'it'))
		.slice(0, limit)
		.map((entry) => entry.member);
}

/**
 * Whether the query runs past a member's whole name and a space, and is no
 * longer the start of another name: the mention is written (chosen, or typed
 * in full) and what follows is the message. The list stays shut then, so that
 * Enter starts a new line rather than replace "@Anna Colombo servizi" with
 * her name, as an organisation's words would otherwise match.
 */
export function isPastName(members: readonly Mentionable[], query: string): boolean {
	const typed = foldForSearch(query);
	const names = members.map((member) => foldForSearch(member.name));
	const pastOne = names.some((name) => typed.startsWith(name) && /^\s/.test(typed.slice(name.length)));
	return pastOne && !names.some((name) => name.startsWith(typed.trimEnd()) && name.length > typed.trimEnd().length);
}

/**
 * The text with the @query from `query.start` to the caret replaced by the
 * member's name after the @ and a space, and where the caret goes after it.
 */
export function insertMention(
	text: string,
	query: MentionQuery,
	caret: number,
	member: Mentionable
): { text: string; caret: number } {
	const inserted = `@${member.name} `;
	// A space already after the caret is not doubled.
	const after = text.slice(caret).replace(/^ /, '');
	return { text: text.slice(0, query.start) + inserted + after, caret: query.start + inserted.length };
}

/** How close a body is to its limit: the counter warns from 90% and refuses past 100%. */
export function lengthState(length: number, max: number): 'ok' | 'near' | 'over' {
	if (length > max) return 'over';
	return length >= Math.floor(max * 0.9) ? 'near' : 'ok';
}

/** The people someone can mention: the network's members but themselves. */
export function mentionableMembers(
	members: readonly { userId: string; displayName: string; organisation: string }[],
	selfId: string
): Mentionable[] {
	return members
		.filter((member) => member.userId !== selfId)
		.map((member) => ({ id: member.userId, name: member.displayName, organisation: member.organisation }));
}
