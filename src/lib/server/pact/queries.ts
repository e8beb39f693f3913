// A pact's commitments as last projected into SQL, read as the person (RLS
// decides): for first paint, pages without JavaScript, and exports.
import type { Queryable } from '../db/types.ts';
import type { Commitment } from '../../pact/commitment.ts';
import { COMMITMENTS } from '../../pact/commitments-doc.ts';
import { COMMITMENT_COLUMNS, commitmentOfRow, type CommitmentRow } from './rows.ts';

export async function listCommitments(tx: Queryable, documentId: string): Promise<Commitment[]> {
	const { rows } = await tx.query<CommitmentRow>(
		`select ${COMMITMENT_COLUMNS} from public.pact_commitments where document_id = $1`,
		[documentId]
	);
	return rows.map(commitmentOfRow).sort(COMMITMENTS.compare);
}
