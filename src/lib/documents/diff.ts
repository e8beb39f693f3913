/**
 * What changed between two versions of a document, as a reader wants to see
 * it: block by block (a paragraph, a heading, a whole table), and word by
 * word inside a block that was edited rather than replaced.
 */
import { diffArrays, diffWords } from 'diff';
import { plainText } from './content.ts';
import { readDoc, type DocNode } from './json.ts';

export interface DiffPart {
	kind: 'same' | 'added' | 'removed';
	text: string;
}

export interface DiffBlock {
	status: 'same' | 'added' | 'removed' | 'changed';
	parts: DiffPart[];
}

/**
 * Below this share of words in common, an edited block reads better as one
 * block removed and another added than as a tangle of word changes.
 */
const SIMILAR = 0.4;

/** The text of each top-level block; empty paragraphs and rules carry no words to compare. */
function blockTexts(json: DocNode): string[] {
	return (readDoc(json).content ?? []).map(plainText).filter(Boolean);
}

const whole = (status: 'same' | 'added' | 'removed', text: string): DiffBlock => ({ status, parts: [{ kind: status, text }] });

/** before → after as a changed block, or null when they share too little to be one. */
function changed(before: string, after: string): DiffBlock | null {
	const parts: DiffPart[] = diffWords(before, after).map((change) => ({
		kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
		text: change.value
	}));
	const same = parts.filter((part) => part.kind === 'same').reduce((sum, part) => sum + part.text.length, 0);
	return (2 * same) / (before.length + after.length) >= SIMILAR ? { status: 'changed', parts } : null;
}

/**
 * Blocks are matched by a longest common subsequence of their texts (Myers'
 * diff over arrays). In each run of removed blocks followed by added ones, the
 * blocks are paired in order: a pair similar enough is one changed block.
 */
export function diffBlocks(before: DocNode, after: DocNode): DiffBlock[] {
	const result: DiffBlock[] = [];
	let removed: string[] = [];
	const pairWith = (added: string[]) => {
		const pairs = Math.max(removed.length, added.length);
		for (let i = 0; i < pairs; i++) {
			const [old, now] = [removed[i], added[i]];
			const block = old !== undefined && now !== undefined ? changed(old, now) : null;
			if (block) result.push(block);
			else {
				if (old !== undefined) result.push(whole('removed', old));
				if (now !== undefined) result.push(whole('added', now));
			}
		}
		removed = [];
	};
	for (const change of diffArrays(blockTexts(before), blockTexts(after))) {
		if (change.removed) removed.push(...change.value);
		else if (change.added) pairWith(change.value);
		else {
			pairWith([]);
			result.push(...change.value.map((text) => whole('same', text)));
		}
	}
	pairWith([]);
	return result;
}
