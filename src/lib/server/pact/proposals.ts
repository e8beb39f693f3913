// Proposals of commitments for a community pact (supabase/migrations/
// 20261207183000_commitment_proposals.sql): read, made and decided as the
// person, so the database decides who may. Taking one into the pact is the
// one step the database cannot take, since the commitment lives in the
// pact's Yjs state: see acceptProposal.
import type { Queryable } from '../db/types.ts';
import type { CollabServer } from '../collab/types.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { Commitment } from '../../pact/commitment.ts';
import { checkCommitment, type KnownReferences } from '../../pact/check.ts';
import { COMMITMENTS } from '../../pact/commitments-doc.ts';
import { itemsMap, putItems, removeItems } from '../../structured/items-doc.ts';
import { refusalKey, type PgError } from '../db/errors.ts';
import type { Proposal } from '../../pact/proposal.ts';
import { listMapChoices } from './map-choices.ts';

interface ProposalRow extends Omit<Proposal, 'commitment' | 'title'> {
	content: Record<string, unknown>;
}

/** The commitment a stored proposal holds: its content, with the proposal's id and partner. */
export function proposedCommitment(row: { id: string; partner_id?: string | null; partnerId?: string | null; content: Record<string, unknown> }): Commitment | null {
	return checkCommitment({ ...row.content, id: row.id, partnerId: row.partner_id ?? row.partnerId ?? '' }).commitment;
}

/** What a proposal stores of a commitment: everything but its id and partner, which are the row's. */
export function proposalContent({ id: _id, partnerId: _partner, ...content }: Commitment): Omit<Commitment, 'id' | 'partnerId'> {
	return content;
}

/** A pact's proposals, the pending first (oldest first), then the decided (latest first). */
export async function listProposals(tx: Queryable, documentId: string): Promise<Proposal[]> {
	const { rows } = await tx.query<ProposalRow>(
		`select c.id, c.partner_id as "partnerId", p.name as "partnerName", c.proposed_by as "proposedBy",
		        pb.display_name as "proposedByName", c.proposed_at as "proposedAt", c.status::text as status,
		        db.display_name as "decidedByName", c.decided_at as "decidedAt", c.decline_reason as "declineReason", c.content
		 from public.commitment_proposals c
		 left join public.partners p on p.id = c.partner_id
		 left join public.profiles pb on pb.id = c.proposed_by
		 left join public.profiles db on db.id = c.decided_by
		 where c.document_id = $1
		 order by c.status <> 'pending', case when c.status = 'pending' then c.proposed_at end, c.decided_at desc, c.id`,
		[documentId]
	);
	return rows.map(({ content, ...row }) => ({
		...row,
		title: typeof content.title === 'string' ? content.title : '',
		commitment: row.partnerId ? proposedCommitment({ id: row.id, partnerId: row.partnerId, content }) : null
	}));
}

/** The partner the person speaks for in the network, if any (their membership names it), with its first system. */
export async function ownPartner(tx: Queryable, networkId: string): Promise<{ id: string; name: string; system: string | null } | null> {
	const { rows } = await tx.query<{ id: string; name: string; system: string | null }>(
		`select p.id, p.name, (p.systems)[1]::text as system from public.memberships m join public.partners p on p.id = m.partner_id
		 where m.network_id = $1 and m.user_id = (select auth.uid())`,
		[networkId]
	);
	return rows[0] ?? null;
}

/** Whether the person may propose commitments on the document (the insert policy asks the same, with speaks_for). */
export async function mayPropose(tx: Queryable, documentId: string): Promise<boolean> {
	const { rows } = await tx.query<{ may: boolean }>('select public.may_propose_commitment($1) as may', [documentId]);
	return rows[0].may;
}

/** What the commitments page says of proposals: for whom the person may propose (if anyone), and how many wait. */
export async function proposalsAtGlance(tx: Queryable, networkId: string, documentId: string) {
	const partner = await ownPartner(tx, networkId);
	const { rows } = await tx.query<{ pending: number }>(
		`select count(*)::int as pending from public.commitment_proposals where document_id = $1 and status = 'pending'`,
		[documentId]
	);
	return { partner: partner && (await mayPropose(tx, documentId)) ? partner : null, pending: rows[0].pending };
}

/** What a commitment of the network may name: its partners, its maps' entries. */
export async function knownReferences(tx: Queryable, networkId: string): Promise<KnownReferences> {
	const [{ rows: partners }, entries] = await Promise.all([
		tx.query<{ id: string }>('select id from public.partners where network_id = $1', [networkId]),
		listMapChoices(tx, networkId)
	]);
	return { partners: new Set(partners.map((p) => p.id)), entries: new Map(entries.map((e) => [e.id, e.category])) };
}

/** Proposes `commitment` for its partner, as the person; false when this very proposal (its id) was sent already. */
export async function propose(tx: Queryable, networkId: string, documentId: string, commitment: Commitment): Promise<boolean> {
	const { rows } = await tx.query(
		`insert into public.commitment_proposals (id, network_id, document_id, partner_id, content)
		 values ($1, $2, $3, $4, $5) on conflict (id) do nothing returning id`,
		[commitment.id, networkId, documentId, commitment.partnerId, JSON.stringify(proposalContent(commitment))]
	);
	return rows.length === 1;
}

export async function declineProposal(tx: Queryable, proposalId: string, reason: string): Promise<void> {
	await tx.query('select public.decide_commitment_proposal($1, false, $2)', [proposalId, reason]);
}

/** Runs a transaction as the person (locals.db). */
export type AsPerson = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;

/**
 * Takes a pending proposal into its pact, as the person. In three steps,
 * since the commitment lives in the pact's Yjs state and the decision in
 * SQL, and no transaction spans both:
 *
 * 1. the database is asked whether the person may decide it now;
 * 2. the commitment is written into the pact under the proposal's own id,
 *    unless the pact holds that id already;
 * 3. the decision is recorded (asked again, under lock).
 *
 * A failure after 2 leaves the proposal pending with its commitment in the
 * pact: accepting again writes nothing new (the id is there) and records
 * the decision, so a retry never duplicates it. Should someone decline it
 * between 1 and 3, the commitment this call wrote is taken out again.
 * Links to map entries removed since it was proposed are dropped.
 */
export async function acceptProposal(db: AsPerson, collab: CollabServer, userId: string, proposalId: string): Promise<void> {
	const row = await db(async (tx) => {
		const { rows } = await tx.query<{ id: string; network_id: string; document_id: string; partner_id: string; content: Record<string, unknown> }>(
			'select id, network_id, document_id, partner_id, content from public.commitment_proposal_to_decide($1, true)',
			[proposalId]
		);
		return { ...rows[0], known: await knownReferences(tx, rows[0].network_id) };
	});
	const proposed = proposedCommitment(row);
	if (!proposed) throw new ProposalRefusal('pactProposals.malformed');
	const commitment: Commitment = {
		...proposed,
		needIds: proposed.needIds.filter((id) => row.known.entries.get(id) === 'need'),
		entryIds: proposed.entryIds.filter((id) => row.known.entries.has(id))
	};
	const added = await collab.change(row.document_id, userId, (doc, origin) => {
		if (itemsMap(doc, COMMITMENTS).has(commitment.id)) return false;
		putItems(doc, COMMITMENTS, [commitment], origin);
		return true;
	});
	try {
		await db((tx) => tx.query('select public.decide_commitment_proposal($1, true)', [proposalId]));
	} catch (error) {
		if (added && (error as PgError).message === 'commitment_proposal_decided') {
			const { rows } = await db((tx) =>
				tx.query<{ status: string }>('select status::text from public.commitment_proposals where id = $1', [proposalId])
			);
			if (rows[0]?.status === 'declined') {
				await collab.change(row.document_id, userId, (doc, origin) => removeItems(doc, COMMITMENTS, [commitment.id], origin));
			}
		}
		throw error;
	}
}

/** A refusal the app says in words, not from the database. */
export class ProposalRefusal extends Error {
	constructor(readonly key: MessageKey) {
		super(key);
	}
}

// The exceptions the proposals' SQL raises by name.
const RAISED: Record<string, MessageKey> = {
	commitment_proposal_not_found: 'pactProposals.error.notFound',
	commitment_proposal_refused: 'pactProposals.error.refused',
	commitment_proposal_decided: 'pactProposals.error.decided',
	commitment_proposal_partner_gone: 'pactProposals.error.partnerGone',
	commitment_proposal_reason_required: 'pactProposals.error.reasonRequired',
	commitment_proposal_reason_length: 'pactProposals.error.reasonLength'
};

/** The message for a refusal of a proposal or a decision, or null for a failure that is ours. */
export function proposalRefusalKey(error: unknown): MessageKey | null {
	if (error instanceof ProposalRefusal) return error.key;
	const message = (error as PgError)?.message;
	if (message && Object.hasOwn(RAISED, message)) return RAISED[message];
	// The insert policy: not a pact one may comment on, or not a partner one speaks for.
	if ((error as PgError)?.code === '42501') return 'pactProposals.error.mayNotPropose';
	return refusalKey(error);
}
