// Proposals of commitments in the demo pact: Anna Colombo, the Comune's
// commenter, has proposed two commitments for the Comune; the facilitator
// declined one with a reason, the other waits, so a newcomer finds both the
// Accogli / Rifiuta of a pending proposal and what a decline looks like.
import type { Queryable } from './types.ts';
import { blankCommitment, type Commitment } from '../../pact/commitment.ts';
import { proposalContent } from '../pact/proposals.ts';
import { DEMO_MAP_ENTRIES } from './demo-map.ts';

const COMUNE = 'de000000-0000-4000-8000-000000000103';
const PENDING = 'dc100000-0000-4000-8000-000000000001';
const DECLINED = 'dc100000-0000-4000-8000-000000000002';

const needNamed = (name: string) => DEMO_MAP_ENTRIES.filter((entry) => entry.name === name).map((entry) => entry.id);

const PROPOSALS: { commitment: Commitment; declined?: string }[] = [
	{
		commitment: blankCommitment(PENDING, COMUNE, {
			title: 'Borse lavoro per dieci tirocini di inclusione',
			description: 'Il Comune finanzia le indennità di dieci tirocini per persone in carico ai servizi sociali e al CSM, con il tutoraggio dei servizi sociali professionali.',
			system: 'social',
			people: 2,
			hours: 240,
			euros: 36000,
			from: '2027-01-01',
			to: '2027-12-31',
			contact: 'Anna Colombo, servizi.sociali@comune.fr.test',
			needIds: needNamed('Inserimento lavorativo per persone in carico al CSM di Frosinone')
		})
	},
	{
		commitment: blankCommitment(DECLINED, COMUNE, {
			title: 'Navetta comunale per i tirocinanti di Isola del Liri',
			system: 'social',
			euros: 8000,
			spaces: '',
			equipment: 'Un pulmino da nove posti',
			from: '2027-03-01',
			needIds: needNamed('Trasporto verso i luoghi di tirocinio da Isola del Liri')
		}),
		declined:
			'Isola del Liri non è nel territorio del Comune: il trasporto lo copre già l’accordo dell’ambito con la Provincia. Proponetelo per i tirocini a Frosinone.'
	}
];

const actAs = (tx: Queryable, userId: string | null) =>
	tx.query(`select set_config('request.jwt.claims', $1, true)`, [userId ? JSON.stringify({ sub: userId, role: 'authenticated' }) : '']);

/** Proposes as `proposerId` and declines as `deciderId`, through the functions the pages use, so the activity record and the notifications follow. */
export async function seedDemoProposals(
	tx: Queryable,
	{ networkId, pactId, proposerId, deciderId }: { networkId: string; pactId: string; proposerId: string; deciderId: string }
): Promise<void> {
	await actAs(tx, proposerId);
	for (const { commitment } of PROPOSALS) {
		await tx.query(
			`insert into public.commitment_proposals (id, network_id, document_id, partner_id, content) values ($1, $2, $3, $4, $5)`,
			[commitment.id, networkId, pactId, commitment.partnerId, JSON.stringify(proposalContent(commitment))]
		);
	}
	await actAs(tx, deciderId);
	for (const { commitment, declined } of PROPOSALS) {
		if (declined) await tx.query('select public.decide_commitment_proposal($1, false, $2)', [commitment.id, declined]);
	}
	await actAs(tx, null);
}
