// The order of the table of a pact's commitments: by any column, either way,
// words in Italian collation, empty values last whichever way.
import type { Commitment } from './commitment.ts';

export const COMMITMENT_COLUMNS = ['partner', 'title', 'system', 'from', 'to', 'people', 'hours', 'euros'] as const;
export type CommitmentColumn = (typeof COMMITMENT_COLUMNS)[number];
export interface CommitmentSort {
	column: CommitmentColumn;
	dir: 'asc' | 'desc';
}

/** Choosing a column's header: the same column turns the order round, another starts ascending. */
export const nextCommitmentSort = (current: CommitmentSort, column: CommitmentColumn): CommitmentSort =>
	current.column === column ? { column, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { column, dir: 'asc' };

/** The words a person reads for a commitment's partner and system: the table sorts by those. */
export interface CommitmentWords {
	partner: (id: string) => string;
	system: (code: Commitment['system']) => string;
}

const collator = new Intl.Collator('it', { numeric: true, sensitivity: 'base' });

function valueOf(commitment: Commitment, column: CommitmentColumn, words: CommitmentWords): string | number | null {
	if (column === 'partner') return words.partner(commitment.partnerId);
	if (column === 'system') return words.system(commitment.system);
	return commitment[column] || (commitment[column] === 0 ? 0 : null);
}

export function sortCommitments(commitments: readonly Commitment[], sort: CommitmentSort, words: CommitmentWords): Commitment[] {
	const sign = sort.dir === 'asc' ? 1 : -1;
	const keyed = commitments.map((commitment) => ({ commitment, key: valueOf(commitment, sort.column, words) }));
	keyed.sort((a, b) => {
		if (a.key === null || b.key === null) return a.key === b.key ? 0 : a.key === null ? 1 : -1;
		const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
		return sign * order || collator.compare(a.commitment.title, b.commitment.title);
	});
	return keyed.map(({ commitment }) => commitment);
}
