import { randomUUID } from 'node:crypto';
import { exists, MEMBERS, nobodyWrites, sawRow, type Operation, type World } from './rls-types.ts';
import type { Database, Queryable } from '../../src/lib/server/db/types.ts';

// The community pact part of the row-level policy matrix (rls-matrix.test.ts):
// pact_commitments, the projection of a pact's commitments that only the
// collab server writes. Members see their network's commitments; as the API
// roles nobody inserts, changes or deletes one, not even were the table's
// privileges granted: there is no policy to let them.

/** A commitment of `partner` in `document`, written by the service as the collab server would; its id. */
export async function createCommitment(
	db: Database | Queryable,
	document: { id: string; networkId: string },
	partner: { id: string },
	title: string
): Promise<string> {
	const id = randomUUID();
	await db.query(
		`insert into public.pact_commitments (document_id, network_id, id, partner_id, title, system, hours, euros, starts_on, ends_on)
		 values ($1, $2, $3, $4, $5, 'employment', 120, 2500, '2027-01-01', '2027-12-31')`,
		[document.id, document.networkId, id, partner.id, title]
	);
	return id;
}

const commitmentExists = (tx: Queryable, w: World, condition = '') =>
	exists(tx, `select 1 from public.pact_commitments where document_id = $1 and id = $2 ${condition}`, [
		w.documentA.id,
		w.commitmentA
	]);

export const pactCommitmentOperations: Operation[] = [
	{
		table: 'pact_commitments',
		phrase: "see a commitment of network A's pact",
		allowed: MEMBERS,
		act: (tx, w) =>
			tx.query('select id from public.pact_commitments where document_id = $1 and id = $2', [w.documentA.id, w.commitmentA]),
		tookEffect: sawRow
	},
	...nobodyWrites('pact_commitments', 'insert', {
		phrase: "add a commitment to network A's pact",
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.pact_commitments (document_id, network_id, id, partner_id, title, system)
				 values ($1, $2, $3, $4, 'Impegno scritto a mano', 'social')`,
				[w.documentA.id, w.a.id, at.id, w.partnerA.id]
			),
		tookEffect: (tx, _w, _self, _rows, at) => exists(tx, 'select 1 from public.pact_commitments where id = $1', [at.id])
	}),
	...nobodyWrites('pact_commitments', 'update', {
		phrase: "change a commitment of network A's pact",
		act: (tx, w) =>
			tx.query(`update public.pact_commitments set euros = 999999 where document_id = $1 and id = $2`, [
				w.documentA.id,
				w.commitmentA
			]),
		tookEffect: (tx, w) => commitmentExists(tx, w, 'and euros = 999999')
	}),
	...nobodyWrites('pact_commitments', 'delete', {
		phrase: "delete a commitment of network A's pact",
		act: (tx, w) =>
			tx.query('delete from public.pact_commitments where document_id = $1 and id = $2', [w.documentA.id, w.commitmentA]),
		tookEffect: async (tx, w) => !(await commitmentExists(tx, w))
	})
];
