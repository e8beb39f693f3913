// The pact commitments of the network an action may carry out, read as the
// person from the pacts' SQL projection (RLS shows only what a member sees).
import type { Queryable } from '../db/types.ts';
import type { CommitmentChoice } from '../../plan/commitment-choice.ts';

/** Every commitment of every community pact of the network, pact by pact, by title. */
export async function listCommitmentChoices(tx: Queryable, networkId: string): Promise<CommitmentChoice[]> {
	const { rows } = await tx.query<CommitmentChoice>(
		`select c.id, c.title, coalesce(p.name, '') as "partnerName", d.title as "documentTitle"
		 from public.pact_commitments c
		 join public.documents d on d.id = c.document_id
		 left join public.partners p on p.id = c.partner_id
		 where c.network_id = $1
		 order by lower(d.title), d.id, lower(c.title), c.id`,
		[networkId]
	);
	return rows;
}
