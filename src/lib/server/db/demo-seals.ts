// The demo pact half-way to being signed: its first version sealed by the
// facilitator, and the adhesions of three of its partners (one citing the
// Comune's delibera, one with a reservation). Run at the end of the demo
// seeding, so the seal holds whatever the pact's state holds by then (its
// commitments included); adhesions are recorded through adhere_to_pact as
// the person who speaks for each partner, as the page would.
import * as Y from 'yjs';
import type { Queryable } from './types.ts';
import { canonicalPact } from '../../pact/fingerprint.ts';
import { listPartners } from '../networks/partners.ts';

const ASL = 'de000000-0000-4000-8000-000000000101';
const COMUNE = 'de000000-0000-4000-8000-000000000103';
const PONTE = 'de000000-0000-4000-8000-000000000109';

const ADHESIONS = [
	{ by: 'd0000000-0000-4000-8000-000000000003', partner: COMUNE, signer: 'Anna Colombo', title: 'delegate', act: ['delibera', '214', 6], reservations: '' },
	{ by: 'd0000000-0000-4000-8000-000000000004', partner: ASL, signer: 'Paolo De Santis', title: 'delegate', act: ['determina', '1520', 3], reservations: '' },
	{
		by: 'd0000000-0000-4000-8000-000000000002',
		partner: PONTE,
		signer: 'Marco Ferri',
		title: 'legal_representative',
		act: null,
		reservations: 'Le ore di tutoraggio indicate valgono per il 2027; per il 2028 le confermeremo entro dicembre.'
	}
] as const;

export async function seedDemoSeal(tx: Queryable, networkId: string, documentId: string, sealedBy: string): Promise<void> {
	const { rows } = await tx.query<{ title: string; networkName: string; state: Uint8Array; sealedByName: string }>(
		`select d.title, n.name as "networkName", s.state, p.display_name as "sealedByName"
		 from public.documents d
		 join public.networks n on n.id = d.network_id
		 join public.document_snapshots s on s.document_id = d.id
		 left join public.profiles p on p.id = $3
		 where d.id = $1 and d.network_id = $2`,
		[documentId, networkId, sealedBy]
	);
	const pact = rows[0];
	const partners = await listPartners(tx, networkId);
	const ydoc = new Y.Doc();
	Y.applyUpdate(ydoc, new Uint8Array(pact.state));
	const canonical = canonicalPact(ydoc, {
		network: { id: networkId, name: pact.networkName },
		documentId,
		title: pact.title,
		partnerNames: new Map(partners.map((p) => [p.id, p.name]))
	});
	ydoc.destroy();
	const sealed = await tx.query<{ id: string }>(
		`insert into public.pact_seals (network_id, document_id, number, title, state, canonical_text, fingerprint, sealed_by, sealed_by_name, sealed_at)
		 values ($1, $2, 1, $3, $4, $5, $6, $7, $8, now() - interval '8 days') returning id`,
		[networkId, documentId, pact.title, pact.state, canonical.text, canonical.fingerprint, sealedBy, pact.sealedByName ?? '']
	);
	for (const adhesion of ADHESIONS) {
		await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: adhesion.by, role: 'authenticated' })]);
		await tx.query(
			`select public.adhere_to_pact($1, $2, $3, $4, $5::public.signer_title, current_date - 2, $6::public.adhesion_act_kind, $7,
			   current_date - $8::int, $9)`,
			[
				networkId,
				sealed.rows[0].id,
				adhesion.partner,
				adhesion.signer,
				adhesion.title,
				adhesion.act?.[0] ?? null,
				adhesion.act?.[1] ?? null,
				adhesion.act?.[2] ?? null,
				adhesion.reservations
			]
		);
	}
	await tx.query(`select set_config('request.jwt.claims', '', true)`);
}
