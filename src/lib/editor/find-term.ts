// Jumping from a search hit to the words in the document. The search matched
// with Italian stemming ("progetti" finds "progettazione"), so the literal
// query is often not in the text: we try the whole phrase, then each word
// (longest first), then each word's stem-like prefix, and take the first that
// occurs.

const OPERATORS = new Set(['or', 'and']);
const MIN_PREFIX = 4;

/** The strings to look for, most precise first, lower-cased and without duplicates. */
export function searchCandidates(query: string): string[] {
	const cleaned = query
		.toLowerCase()
		// websearch syntax: quotes group a phrase, a leading minus excludes a word.
		.replace(/(^|\s)-\S+/g, ' ')
		.replace(/["“”«»]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const words = cleaned
		.split(' ')
		.map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
		.filter((word) => word.length > 1 && !OPERATORS.has(word));
	const byLength = [...words].sort((a, b) => b.length - a.length);
	// Italian inflection lives in the last one or two letters: progett-o/-i/-are.
	const stems = byLength.map((word) => word.slice(0, Math.max(MIN_PREFIX, word.length - 2)));
	const phrase = words.join(' ');
	return [...new Set([phrase, ...byLength, ...stems].filter((s) => s.length > 1))];
}

/** A run of text in the editor and the document position of its first character. */
export interface TextRun {
	text: string;
	pos: number;
}

/**
 * The document range of the first occurrence of any candidate (in the order
 * given) within one block's runs, or null. Runs of one block are joined so a
 * match may span a bold word and the plain text after it.
 */
export function findInBlock(runs: TextRun[], candidates: string[]): { from: number; to: number } | null {
	const text = runs.map((run) => run.text).join('').toLowerCase();
	for (const candidate of candidates) {
		const at = text.indexOf(candidate);
		if (at >= 0) return { from: positionAt(runs, at), to: positionAt(runs, at + candidate.length - 1) + 1 };
	}
	return null;
}

function positionAt(runs: TextRun[], offset: number): number {
	let seen = 0;
	for (const run of runs) {
		if (offset < seen + run.text.length) return run.pos + (offset - seen);
		seen += run.text.length;
	}
	const last = runs[runs.length - 1];
	return last.pos + last.text.length;
}

/**
 * The first occurrence in the whole document: each candidate is tried across
 * every block before the next, less precise, one.
 */
export function findFirst(blocks: TextRun[][], query: string): { from: number; to: number } | null {
	for (const candidate of searchCandidates(query)) {
		for (const runs of blocks) {
			const hit = findInBlock(runs, [candidate]);
			if (hit) return hit;
		}
	}
	return null;
}
