// A community pact's commitments as a structured part of the document: the
// shared machinery (../structured) with the commitment's fields and check.
import { COMMITMENT_FIELDS, type Commitment } from './commitment.ts';
import { checkCommitment } from './check.ts';
import type { StructuredKind } from '../structured/kind.ts';

export const COMMITMENTS: StructuredKind<Commitment> = {
	key: 'pactCommitments',
	fields: COMMITMENT_FIELDS,
	check: (raw) => checkCommitment(raw).commitment,
	// By partner, then by what each commits to: the order of the pact's own pages.
	compare: (a, b) => a.partnerId.localeCompare(b.partnerId) || a.title.localeCompare(b.title, 'it') || a.id.localeCompare(b.id)
};
