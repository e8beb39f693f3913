import { exists, MEMBERS, sawRow, SIGNED_IN, type Operation, type Prepare, type Table } from './rls-types.ts';

// The part of the row-level policy matrix (rls-matrix.test.ts) about a
// pact's sealed versions, adhesions and signature checks. The rules, as
// 20261207184000_pact_seals.sql writes them: the network's members read them;
// no person writes any row directly (the server writes seals and signature
// checks with its own connection, adhere_to_pact and withdraw_adhesion write
// adhesions: tested in pact-seals.test.ts); nobody, not even the service,
// changes or deletes one (pact_record_immutable).

const PACT = `insert into public.documents (id, network_id, kind, title) values ($1, $2, 'community_pact', 'Patto sigillato')`;
const SEAL = `insert into public.pact_seals (id, network_id, document_id, number, title, state, canonical_text, fingerprint, sealed_by)
              values ($1, $2, $3, 1, 'Patto sigillato', '\\x00', '{}', repeat('a', 64), $4)`;
const ADHESION = `insert into public.pact_adhesions (id, seal_id, network_id, partner_id, partner_name, kind, recorded_by, signer_name, signer_title, adhered_on)
                  values ($1, $2, $3, $4, 'Partner A', 'adhesion', $5, 'Firmataria', 'delegate', current_date)`;
const SIGNATURE = `insert into public.adhesion_signatures (id, adhesion_id, network_id, format, signer_name, intact, matches_fingerprint)
                   values ($1, $2, $3, 'p7m', 'Firmataria', true, true)`;

/** Ids of the rows a scene hangs off, derived from the attempt's so that each attempt has its own. */
const derived = (id: string, digit: string) => `${id.slice(0, -1)}${digit}`;
const pactOf = (id: string) => derived(id, id.endsWith('1') ? '2' : '1');
const sealOf = (id: string) => derived(id, id.endsWith('3') ? '4' : '3');
const adhesionOf = (id: string) => derived(id, id.endsWith('5') ? '6' : '5');

/** A community pact of A with a seal whose id is the attempt's. */
const sealed: Prepare = async (tx, w, _self, at) => {
	await tx.query(PACT, [pactOf(at.id), w.a.id]);
	return tx.query(SEAL, [at.id, w.a.id, pactOf(at.id), w.actors.facilitator.id]);
};
/** The same, and an adhesion of A's partner to it whose id is the attempt's. */
const adhered: Prepare = async (tx, w, _self, at) => {
	await tx.query(PACT, [pactOf(at.id), w.a.id]);
	await tx.query(SEAL, [sealOf(at.id), w.a.id, pactOf(at.id), w.actors.facilitator.id]);
	return tx.query(ADHESION, [at.id, sealOf(at.id), w.a.id, w.partnerA.id, w.actors.commenter.id]);
};
/** The same, and a signature check of that adhesion whose id is the attempt's. */
const checked: Prepare = async (tx, w, _self, at) => {
	await tx.query(PACT, [pactOf(at.id), w.a.id]);
	await tx.query(SEAL, [sealOf(at.id), w.a.id, pactOf(at.id), w.actors.facilitator.id]);
	await tx.query(ADHESION, [adhesionOf(at.id), sealOf(at.id), w.a.id, w.partnerA.id, w.actors.commenter.id]);
	return tx.query(SIGNATURE, [at.id, adhesionOf(at.id), w.a.id]);
};

const stillThere = (table: Table) => async (tx: Parameters<Operation['tookEffect']>[0], id: string) =>
	exists(tx, `select 1 from public.${table} where id = $1`, [id]);

/** See, write directly, change, delete: the same four rules for each of the three tables. */
function recordOperations(
	table: Table,
	noun: string,
	scene: Prepare,
	write: { prepare?: Prepare; act: Operation['act'] },
	change: string
): Operation[] {
	const there = stillThere(table);
	return [
		{
			table,
			phrase: `see ${noun} of network A`,
			allowed: MEMBERS,
			prepare: scene,
			act: (tx, _w, _self, at) => tx.query(`select id from public.${table} where id = $1`, [at.id]),
			tookEffect: sawRow
		},
		{
			table,
			phrase: `write ${noun} of network A directly`,
			actors: SIGNED_IN,
			allowed: [],
			prepare: write.prepare,
			act: write.act,
			tookEffect: (tx, _w, _self, _rows, at) => there(tx, at.id)
		},
		{
			table,
			phrase: `change ${noun} of network A`,
			allowed: [],
			refusedForAll: 'pact_record_immutable',
			prepare: scene,
			act: (tx, _w, _self, at) => tx.query(`update public.${table} set ${change} where id = $1`, [at.id]),
			// The assignment read as a condition: the row now holds the new value.
			tookEffect: (tx, _w, _self, _rows, at) => exists(tx, `select 1 from public.${table} where id = $1 and ${change}`, [at.id])
		},
		{
			table,
			phrase: `delete ${noun} of network A`,
			allowed: [],
			refusedForAll: 'pact_record_immutable',
			prepare: scene,
			act: (tx, _w, _self, at) => tx.query(`delete from public.${table} where id = $1`, [at.id]),
			tookEffect: async (tx, _w, _self, _rows, at) => !(await there(tx, at.id))
		}
	];
}

export const pactSealOperations: Operation[] = [
	...recordOperations(
		'pact_seals',
		'a sealed version of a pact',
		sealed,
		{
			prepare: (tx, w, _self, at) => tx.query(PACT, [pactOf(at.id), w.a.id]),
			act: (tx, w, self, at) => tx.query(SEAL, [at.id, w.a.id, pactOf(at.id), self?.id ?? w.bystander.id])
		},
		`title = 'Cambiato'`
	),
	...recordOperations(
		'pact_adhesions',
		'an adhesion to a sealed pact',
		adhered,
		{
			prepare: async (tx, w, _self, at) => {
				await tx.query(PACT, [pactOf(at.id), w.a.id]);
				return tx.query(SEAL, [sealOf(at.id), w.a.id, pactOf(at.id), w.actors.facilitator.id]);
			},
			act: (tx, w, self, at) => tx.query(ADHESION, [at.id, sealOf(at.id), w.a.id, w.partnerA.id, self?.id ?? w.bystander.id])
		},
		`signer_name = 'Cambiato'`
	),
	...recordOperations(
		'adhesion_signatures',
		'a signature check of an adhesion',
		checked,
		{
			prepare: async (tx, w, _self, at) => {
				await tx.query(PACT, [pactOf(at.id), w.a.id]);
				await tx.query(SEAL, [sealOf(at.id), w.a.id, pactOf(at.id), w.actors.facilitator.id]);
				return tx.query(ADHESION, [adhesionOf(at.id), sealOf(at.id), w.a.id, w.partnerA.id, w.actors.commenter.id]);
			},
			act: (tx, w, _self, at) => tx.query(SIGNATURE, [at.id, adhesionOf(at.id), w.a.id])
		},
		`signer_name = 'Cambiato'`
	)
];
