// ts_headline returns the document's raw text with the matches wrapped in
// StartSel/StopSel. That text is whatever people typed, so it must never be
// rendered as HTML: we ask for two control characters no one types as
// markers and split on them, and the page renders the parts as text, with
// <mark> elements of its own around the matches.

export const MARK_START = '\u0002';
export const MARK_STOP = '\u0003';
/** The ts_headline options: two short fragments, our sentinels as markers. */
export const HEADLINE_OPTIONS = `MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … ", StartSel=${MARK_START}, StopSel=${MARK_STOP}`;

export interface HeadlinePart {
	text: string;
	mark: boolean;
}

/**
 * The headline as text parts, matches flagged. Unbalanced or stray markers
 * (a sentinel that was in the text itself) never produce markup: at worst a
 * part is flagged wrongly.
 */
export function headlineParts(raw: string): HeadlinePart[] {
	const parts: HeadlinePart[] = [];
	let mark = false;
	let text = '';
	const flush = () => {
		if (!text) return;
		const last = parts[parts.length - 1];
		if (last && last.mark === mark) last.text += text;
		else parts.push({ text, mark });
		text = '';
	};
	for (const char of raw) {
		if (char === MARK_START || char === MARK_STOP) {
			flush();
			mark = char === MARK_START;
		} else text += char;
	}
	flush();
	// Collapse the whitespace ts_headline leaves from line breaks.
	return parts.map((part) => ({ ...part, text: part.text.replace(/\s+/g, ' ') }));
}
