// How a community pact's commitments become rows of public.pact_commitments:
// the pact's part of the collab server's projection (collab/projection.ts).
// A commitment is projected when it is well-formed and its partner is one of
// the network's; of the map entries it names, only those the network's maps
// hold (and, for the needs it answers, only needs) go with it
// (pact/references.ts).
import type { Queryable } from '../db/types.ts';
import type { Commitment } from '../../pact/commitment.ts';
import { COMMITMENT_LIMITS } from '../../pact/commitment.ts';
import { COMMITMENTS } from '../../pact/commitments-doc.ts';
import type { KnownReferences } from '../../pact/check.ts';
import { withKnownReferences } from '../../pact/references.ts';
import { networkPartners, type Projector } from '../collab/projection.ts';
import { COMMITMENT_COLUMNS, commitmentRow, type CommitmentRow } from './rows.ts';

const WRITTEN = 'id, partner_id, title, description, system, people, hours, spaces, euros, equipment, starts_on, ends_on, contact, need_ids, entry_ids';

export const COMMITMENTS_PROJECTOR: Projector<Commitment, CommitmentRow, KnownReferences> = {
	documentKind: 'community_pact',
	kind: COMMITMENTS,
	lock: 'commitments',
	known: knownReferences,
	row(commitment, known) {
		const projected = withKnownReferences(commitment, known);
		return projected && commitmentRow(projected);
	},
	// numeric comes back as text ('2500.00'): as a number it compares with the commitment's.
	fingerprint: (row) =>
		JSON.stringify([
			row.partner_id,
			row.title,
			row.description,
			row.system,
			row.people,
			row.hours,
			row.spaces,
			row.euros === null ? null : Number(row.euros),
			row.equipment,
			row.starts_on,
			row.ends_on,
			row.contact,
			row.need_ids,
			row.entry_ids
		]),
	async read(tx, documentId, ids) {
		const { rows } = await tx.query<CommitmentRow>(
			`select ${COMMITMENT_COLUMNS} from public.pact_commitments
			 where document_id = $1 and ($2::uuid[] is null or id = any($2::uuid[]))`,
			[documentId, ids]
		);
		return rows;
	},
	async upsert(tx, documentId, networkId, rows) {
		// Any number of rows in one statement, travelling as one JSON array.
		await tx.query(
			`insert into public.pact_commitments (document_id, network_id, ${WRITTEN})
			 select $1, $2, ${WRITTEN}
			 from jsonb_to_recordset($3::jsonb) as c (
			   id uuid, partner_id uuid, title text, description text, system public.network_system,
			   people integer, hours integer, spaces text, euros numeric, equipment text,
			   starts_on date, ends_on date, contact text, need_ids uuid[], entry_ids uuid[]
			 )
			 on conflict (document_id, id) do update set
			   partner_id = excluded.partner_id, title = excluded.title, description = excluded.description,
			   system = excluded.system, people = excluded.people, hours = excluded.hours, spaces = excluded.spaces,
			   euros = excluded.euros, equipment = excluded.equipment, starts_on = excluded.starts_on,
			   ends_on = excluded.ends_on, contact = excluded.contact, need_ids = excluded.need_ids,
			   entry_ids = excluded.entry_ids, updated_at = now()`,
			[documentId, networkId, JSON.stringify(rows)]
		);
	},
	async remove(tx, documentId, ids) {
		await tx.query('delete from public.pact_commitments where document_id = $1 and id = any($2::uuid[])', [documentId, ids]);
	},
	// A pact is found by what its partners commit to.
	searchText(fields) {
		const title = fields.get('title');
		return typeof title === 'string' ? title.trim().slice(0, COMMITMENT_LIMITS.title) : '';
	}
};

/** The network's partners, and those of its maps' entries that the commitments name, with their category. */
async function knownReferences(tx: Queryable, networkId: string, commitments: readonly Commitment[]): Promise<KnownReferences> {
	const named = [...new Set(commitments.flatMap((commitment) => [...commitment.needIds, ...commitment.entryIds]))];
	const { rows } = await tx.query<{ id: string; category: string }>(
		'select id, category::text as category from public.map_entries where network_id = $1 and id = any($2::uuid[])',
		[networkId, named]
	);
	return { partners: await networkPartners(tx, networkId), entries: new Map(rows.map((row) => [row.id, row.category])) };
}
