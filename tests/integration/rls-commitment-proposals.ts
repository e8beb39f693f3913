import { exists, inAnotherName, MEMBERS, sawRow, SIGNED_IN, type Attempt, type Operation, type Prepare, type World } from './rls-types.ts';
import type { TestUser } from './factories.ts';
import type { Queryable } from '../../src/lib/server/db/types.ts';

// The part of the row-level policy matrix (rls-matrix.test.ts) about
// proposals of commitments. The rules, as 20261207183000_commitment_proposals.sql
// writes them: the network's members read them; a member who speaks for the
// partner and may comment on the pact (facilitator, editor, commenter; the
// pact not archived) proposes, pending, in their own name; nobody changes or
// deletes one directly — decide_commitment_proposal() decides (tested in
// commitment-proposals.test.ts), and a decided one is frozen for everyone.

/** A community pact of network A for this attempt, its id derived from the attempt's. */
const pactOf = (at: Attempt) => `${at.id.slice(0, -12)}0000000000aa`;

/** Another partner of network A, added for this attempt. */
const otherPartnerOf = (at: Attempt) => `${at.id.slice(0, -12)}0000000000bb`;

const CONTENT = JSON.stringify({ title: 'Tutoraggio di tre tirocini', system: 'employment' });

async function createPact(tx: Queryable, w: World, at: Attempt, options: { kind?: string; status?: string } = {}) {
	await tx.query(`insert into public.documents (id, network_id, kind, title, status) values ($1, $2, $3, 'Patto di A', $4)`, [
		pactOf(at),
		w.a.id,
		options.kind ?? 'community_pact',
		options.status ?? 'draft'
	]);
}

/** The acting person speaks for partnerA (when a member of A), on a pact of A. */
const speakingOnPact =
	(options: { kind?: string; status?: string } = {}): Prepare =>
	async (tx, w, self, at) => {
		await createPact(tx, w, at, options);
		if (self) await tx.query('update public.memberships set partner_id = $3 where network_id = $1 and user_id = $2', [w.a.id, self.id, w.partnerA.id]);
	};

/** A pending proposal for partnerA by A's bystander (a viewer who speaks for it; written by the service). */
const bystanderProposal =
	(status: 'pending' | 'declined' = 'pending'): Prepare =>
	async (tx, w, _self, at) => {
		await createPact(tx, w, at);
		await tx.query(
			`insert into public.commitment_proposals (id, network_id, document_id, partner_id, proposed_by, content, status, decided_at, decline_reason)
			 values ($1, $2, $3, $4, $5, $6, $7::public.commitment_proposal_status,
			         case when $7::text = 'declined' then now() end, case when $7::text = 'declined' then 'Già coperto' end)`,
			[at.id, w.a.id, pactOf(at), w.partnerA.id, w.bystander.id, CONTENT, status]
		);
	};

const proposeFor = (partner: (w: World, at: Attempt) => string) => (tx: Queryable, w: World, _self: TestUser | null, at: Attempt) =>
	tx.query(`insert into public.commitment_proposals (id, network_id, document_id, partner_id, content) values ($1, $2, $3, $4, $5)`, [
		at.id,
		w.a.id,
		pactOf(at),
		partner(w, at),
		CONTENT
	]);

const proposed: Operation['tookEffect'] = (tx, _w, _self, _rows, at) =>
	exists(tx, 'select 1 from public.commitment_proposals where id = $1', [at.id]);

const MAY_COMMENT = MEMBERS.filter((member) => member !== 'viewer');

export const commitmentProposalOperations: Operation[] = [
	{
		table: 'commitment_proposals',
		phrase: 'see a proposed commitment in network A',
		allowed: MEMBERS,
		prepare: bystanderProposal(),
		act: (tx, _w, _self, at) => tx.query('select id from public.commitment_proposals where id = $1', [at.id]),
		tookEffect: sawRow
	},
	{
		table: 'commitment_proposals',
		phrase: "propose a commitment on A's pact for the partner it speaks for",
		actors: SIGNED_IN,
		allowed: MAY_COMMENT,
		prepare: speakingOnPact(),
		act: proposeFor((w) => w.partnerA.id),
		tookEffect: proposed
	},
	{
		table: 'commitment_proposals',
		phrase: "propose a commitment on A's pact for a partner it does not speak for",
		actors: SIGNED_IN,
		allowed: [],
		prepare: async (tx, w, self, at) => {
			await speakingOnPact()(tx, w, self, at);
			await tx.query(`insert into public.partners (id, network_id, name, kind, systems) values ($1, $2, 'ASL di A', 'health_service', '{health}')`, [
				otherPartnerOf(at),
				w.a.id
			]);
		},
		act: proposeFor((_w, at) => otherPartnerOf(at)),
		tookEffect: proposed
	},
	{
		table: 'commitment_proposals',
		phrase: 'propose a commitment for the partner it speaks for on an archived pact of A',
		actors: SIGNED_IN,
		allowed: [],
		prepare: speakingOnPact({ status: 'archived' }),
		act: proposeFor((w) => w.partnerA.id),
		tookEffect: proposed
	},
	{
		table: 'commitment_proposals',
		phrase: 'propose a commitment for the partner it speaks for on a document of A that is not a pact',
		actors: SIGNED_IN,
		allowed: [],
		prepare: speakingOnPact({ kind: 'co_design' }),
		act: proposeFor((w) => w.partnerA.id),
		tookEffect: proposed
	},
	...inAnotherName(
		{
			table: 'commitment_proposals',
			phrase: "propose a commitment on A's pact in the name of the bystander, who speaks for the partner",
			actors: SIGNED_IN,
			prepare: speakingOnPact(),
			act: (tx, w, _self, at) =>
				tx.query(
					`insert into public.commitment_proposals (id, network_id, document_id, partner_id, content, proposed_by) values ($1, $2, $3, $4, $5, $6)`,
					[at.id, w.a.id, pactOf(at), w.partnerA.id, CONTENT, w.bystander.id]
				),
			tookEffect: proposed
		},
		'proposed_by'
	),
	{
		table: 'commitment_proposals',
		phrase: "write a proposal on A's pact as already accepted",
		actors: SIGNED_IN,
		allowed: [],
		prepare: async (tx, w, self, at) => {
			await speakingOnPact()(tx, w, self, at);
			await tx.query('grant insert (status, decided_at) on table public.commitment_proposals to authenticated');
		},
		act: (tx, w, _self, at) =>
			tx.query(
				`insert into public.commitment_proposals (id, network_id, document_id, partner_id, content, status, decided_at)
				 values ($1, $2, $3, $4, $5, 'accepted', now())`,
				[at.id, w.a.id, pactOf(at), w.partnerA.id, CONTENT]
			),
		tookEffect: proposed
	},
	{
		table: 'commitment_proposals',
		phrase: 'accept a proposed commitment in network A by changing it directly',
		allowed: [],
		prepare: bystanderProposal(),
		act: (tx, _w, _self, at) =>
			tx.query(`update public.commitment_proposals set status = 'accepted', decided_at = now() where id = $1`, [at.id]),
		tookEffect: (tx, _w, _self, _rows, at) =>
			exists(tx, `select 1 from public.commitment_proposals where id = $1 and status = 'accepted'`, [at.id])
	},
	{
		table: 'commitment_proposals',
		phrase: 'change a declined proposal in network A',
		allowed: [],
		refusedForAll: 'commitment_proposal_decided',
		prepare: bystanderProposal('declined'),
		act: (tx, _w, _self, at) =>
			tx.query(`update public.commitment_proposals set decline_reason = 'Ripensato' where id = $1`, [at.id]),
		tookEffect: (tx, _w, _self, _rows, at) =>
			exists(tx, `select 1 from public.commitment_proposals where id = $1 and decline_reason = 'Ripensato'`, [at.id])
	},
	{
		table: 'commitment_proposals',
		phrase: 'delete a proposed commitment in network A',
		allowed: [],
		prepare: bystanderProposal(),
		act: (tx, _w, _self, at) => tx.query('delete from public.commitment_proposals where id = $1', [at.id]),
		tookEffect: async (tx, _w, _self, _rows, at) => !(await exists(tx, 'select 1 from public.commitment_proposals where id = $1', [at.id]))
	}
];
