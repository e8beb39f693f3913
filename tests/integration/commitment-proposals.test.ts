import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from './databases.ts';
import { addMember, createDocument, createNetworkCast, createPartner, createUser, type NetworkCast, type TestUser } from './factories.ts';
import { startCollab, type RunningCollab } from './collab/harness.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { blankCommitment, type Commitment } from '../../src/lib/pact/commitment.ts';
import { COMMITMENTS } from '../../src/lib/pact/commitments-doc.ts';
import { readItems } from '../../src/lib/structured/items-doc.ts';
import {
	acceptProposal,
	declineProposal,
	listProposals,
	propose,
	proposalRefusalKey
} from '../../src/lib/server/pact/proposals.ts';

// Proposals of commitments as the pages make and decide them: as the
// person, so that the policies and decide_commitment_proposal() decide; and
// taking one in through a real collab server, read back from the pact's
// Yjs state.

describe.each(backends)('proposals of commitments on $name', (backend) => {
	let db: Database;
	let collab: RunningCollab;
	let cast: NetworkCast;
	let speaker: TestUser;
	let partner: { id: string };
	let other: { id: string };
	let pact: { id: string };
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);
	const refusal = (call: Promise<unknown>) =>
		call.then(
			() => 'done',
			(error) => proposalRefusalKey(error) ?? String(error)
		);
	const commitment = (overrides: Partial<Commitment> = {}) =>
		blankCommitment(randomUUID(), partner.id, { title: 'Tutoraggio di tre tirocini', euros: 1500.5, hours: 120, ...overrides });
	const proposeAs = (user: TestUser, made = commitment(), documentId = pact.id) =>
		as(user, (tx) => propose(tx, cast.network.id, documentId, made)).then(() => made);
	const pactCommitments = async () => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, await collab.collab.encodeState(pact.id));
		return readItems(doc, COMMITMENTS).items;
	};

	beforeAll(async () => {
		db = await backend.fresh();
		collab = await startCollab(db);
		cast = await createNetworkCast(db);
		partner = await createPartner(db, cast.network, { name: 'Comune di Sora' });
		other = await createPartner(db, cast.network, { name: 'Cooperativa Altra' });
		speaker = await createUser(db, { displayName: 'Anna Comune' });
		await addMember(db, cast.network, speaker, 'commenter', partner);
		await db.query('update public.memberships set partner_id = $3 where network_id = $1 and user_id = $2', [
			cast.network.id,
			cast.viewer.id,
			partner.id
		]);
		pact = await createDocument(db, cast.network, cast.editor, { kind: 'community_pact', title: 'Patto per il lavoro' });
	});
	afterAll(async () => {
		await collab?.close();
		await db?.close();
	});

	describe('proposing', () => {
		it('lets a commenter who speaks for a partner propose for it, and tells the editors and facilitators', async () => {
			const made = await proposeAs(speaker);
			const [listed] = await as(cast.viewer, (tx) => listProposals(tx, pact.id));
			expect(listed).toMatchObject({ id: made.id, status: 'pending', partnerName: 'Comune di Sora', proposedByName: 'Anna Comune' });
			expect(listed.commitment).toEqual(made);
			const { rows } = await db.query<{ recipient_id: string; excerpt: string }>(
				`select recipient_id, excerpt from public.notifications where kind = 'commitment_proposed' and document_id = $1`,
				[pact.id]
			);
			expect(new Set(rows.map((r) => r.recipient_id))).toEqual(new Set([cast.facilitator.id, cast.editor.id]));
			expect(rows[0].excerpt).toBe('Tutoraggio di tre tirocini');
			const activity = await db.query<{ details: Record<string, unknown> }>(
				`select details from public.activity where action = 'commitment_proposed' and subject_id = $1`,
				[pact.id]
			);
			expect(activity.rows[0].details).toMatchObject({ proposal: made.id, title: 'Tutoraggio di tre tirocini', partner: 'Comune di Sora' });
		});

		it('proposes once when the same form is sent twice', async () => {
			const made = commitment({ title: 'Inviato due volte' });
			await proposeAs(speaker, made);
			await proposeAs(speaker, made);
			const { rows } = await db.query('select 1 from public.commitment_proposals where id = $1', [made.id]);
			expect(rows).toHaveLength(1);
		});

		it('refuses a proposal for a partner one does not speak for, by a viewer, or on a document that is not a pact', async () => {
			expect(await refusal(proposeAs(speaker, commitment({ partnerId: other.id })))).toBe('pactProposals.error.mayNotPropose');
			expect(await refusal(proposeAs(cast.viewer))).toBe('pactProposals.error.mayNotPropose');
			const notes = await createDocument(db, cast.network, cast.editor, { kind: 'free' });
			expect(await refusal(proposeAs(speaker, commitment(), notes.id))).toBe('pactProposals.error.mayNotPropose');
		});
	});

	describe('deciding', () => {
		it('lets neither the proposer nor a viewer nor another network decide, and says so', async () => {
			const made = await proposeAs(speaker);
			expect(await refusal(as(speaker, (tx) => declineProposal(tx, made.id, 'No')))).toBe('pactProposals.error.refused');
			expect(await refusal(as(cast.viewer, (tx) => declineProposal(tx, made.id, 'No')))).toBe('pactProposals.error.refused');
			expect(await refusal(as(cast.outsider, (tx) => declineProposal(tx, made.id, 'No')))).toBe('pactProposals.error.notFound');
			expect(await refusal(acceptProposal((fn) => as(cast.viewer, fn), collab.collab, cast.viewer.id, made.id))).toBe(
				'pactProposals.error.refused'
			);
			expect(await pactCommitments()).not.toContainEqual(expect.objectContaining({ id: made.id }));
		});

		it('needs a reason to decline, tells the proposer the reason, and never changes the decision again', async () => {
			const made = await proposeAs(speaker);
			expect(await refusal(as(cast.editor, (tx) => declineProposal(tx, made.id, '   ')))).toBe('pactProposals.error.reasonRequired');
			await as(cast.editor, (tx) => declineProposal(tx, made.id, 'Le ore sono già coperte dalla cooperativa.'));
			const listed = (await as(speaker, (tx) => listProposals(tx, pact.id))).find((p) => p.id === made.id);
			expect(listed).toMatchObject({ status: 'declined', declineReason: 'Le ore sono già coperte dalla cooperativa.', decidedByName: 'Marco Ferri' });
			const { rows } = await db.query<{ excerpt: string }>(
				`select excerpt from public.notifications where kind = 'commitment_declined' and recipient_id = $1`,
				[speaker.id]
			);
			expect(rows.map((r) => r.excerpt)).toContain('Le ore sono già coperte dalla cooperativa.');
			expect(await refusal(acceptProposal((fn) => as(cast.facilitator, fn), collab.collab, cast.facilitator.id, made.id))).toBe(
				'pactProposals.error.decided'
			);
			// Not even the service changes a decided proposal.
			await expect(db.query(`update public.commitment_proposals set status = 'accepted', decline_reason = null where id = $1`, [made.id])).rejects.toThrow(
				'commitment_proposal_decided'
			);
			await expect(db.query(`update public.commitment_proposals set content = '{"title":"Altro"}' where id = $1`, [made.id])).rejects.toThrow(
				'commitment_proposal_decided'
			);
		});

		it('takes an accepted proposal into the pact under its own id, once, however often it is accepted', async () => {
			const made = await proposeAs(speaker, commitment({ title: 'Sportello lavoro', from: '2027-01-01', to: '2027-12-31' }));
			const accept = () => acceptProposal((fn) => as(cast.facilitator, fn), collab.collab, cast.facilitator.id, made.id);
			await accept();
			expect(await refusal(accept())).toBe('pactProposals.error.decided');
			const taken = (await pactCommitments()).filter((c) => c.id === made.id);
			expect(taken).toEqual([made]);
			const { rows } = await db.query<{ status: string; recipient: string }>(
				`select c.status::text as status, n.recipient_id as recipient from public.commitment_proposals c
				 join public.notifications n on n.document_id = c.document_id and n.kind = 'commitment_accepted'
				 where c.id = $1`,
				[made.id]
			);
			expect(rows).toEqual([{ status: 'accepted', recipient: speaker.id }]);
		});

		it('after a failure between writing the commitment and recording the decision, accepting again writes nothing new', async () => {
			const made = await proposeAs(speaker, commitment({ title: 'Ripreso dopo un guasto' }));
			// The pact already holds the commitment, as a first attempt that failed before recording would leave it.
			const { putItems } = await import('../../src/lib/structured/items-doc.ts');
			await collab.collab.change(pact.id, cast.editor.id, (doc, origin) =>
				putItems(doc, COMMITMENTS, [{ ...made, title: 'Ripreso dopo un guasto, poi corretto' }], origin)
			);
			await acceptProposal((fn) => as(cast.editor, fn), collab.collab, cast.editor.id, made.id);
			const taken = (await pactCommitments()).filter((c) => c.id === made.id);
			expect(taken.map((c) => c.title)).toEqual(['Ripreso dopo un guasto, poi corretto']);
		});

		it('takes the commitment out again when someone declined the proposal while it was being written', async () => {
			const made = await proposeAs(speaker, commitment({ title: 'Rifiutato nel frattempo' }));
			let calls = 0;
			const declinedMeanwhile: typeof collab.collab = {
				...collab.collab,
				change: async (documentId, userId, apply) => {
					const result = await collab.collab.change(documentId, userId, apply);
					if (calls++ === 0) await as(cast.editor, (tx) => declineProposal(tx, made.id, 'Già deciso altrove'));
					return result;
				}
			};
			expect(await refusal(acceptProposal((fn) => as(cast.facilitator, fn), declinedMeanwhile, cast.facilitator.id, made.id))).toBe(
				'pactProposals.error.decided'
			);
			expect((await pactCommitments()).filter((c) => c.id === made.id)).toEqual([]);
		});

		it('refuses decisions on an approved pact', async () => {
			const made = await proposeAs(speaker);
			await db.query(`update public.documents set status = 'approved' where id = $1`, [pact.id]);
			try {
				expect(await refusal(as(cast.editor, (tx) => declineProposal(tx, made.id, 'Troppo tardi')))).toBe('pactProposals.error.refused');
			} finally {
				await db.query(`update public.documents set status = 'draft' where id = $1`, [pact.id]);
			}
		});

		it("keeps a decided proposal when its partner leaves the network, and refuses to accept a pending one whose partner left", async () => {
			const leaving = await createPartner(db, cast.network, { name: 'In uscita' });
			const voice = await createUser(db, { displayName: 'Voce in uscita' });
			await addMember(db, cast.network, voice, 'commenter', leaving);
			const decided = await proposeAs(voice, commitment({ partnerId: leaving.id }));
			await as(cast.editor, (tx) => declineProposal(tx, decided.id, 'Non serve'));
			const pending = await proposeAs(voice, commitment({ partnerId: leaving.id }));
			await db.query('delete from public.partners where id = $1', [leaving.id]);
			const listed = await as(cast.editor, (tx) => listProposals(tx, pact.id));
			expect(listed.find((p) => p.id === decided.id)).toMatchObject({ status: 'declined', partnerId: null });
			expect(await refusal(acceptProposal((fn) => as(cast.editor, fn), collab.collab, cast.editor.id, pending.id))).toBe(
				'pactProposals.error.partnerGone'
			);
		});
	});
});
