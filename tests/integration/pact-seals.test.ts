import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from './databases.ts';
import { uploadFile } from './file-scene.ts';
import { createDocument, createNetworkCast, createPartner, type NetworkCast, type TestPartner, type TestUser } from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database, Queryable } from '../../src/lib/server/db/types.ts';
import { listSeals, loadSeal, sealPact } from '../../src/lib/server/pact/seals.ts';
import { adhere, loadRegister, recordSignatureCheck, remindPending, withdraw, type AdhesionInput } from '../../src/lib/server/pact/adhesions.ts';
import { canonicalPact } from '../../src/lib/pact/fingerprint.ts';
import { blankCommitment } from '../../src/lib/pact/commitment.ts';
import { COMMITMENTS } from '../../src/lib/pact/commitments-doc.ts';
import { putItems } from '../../src/lib/structured/items-doc.ts';
import { stateOf } from '../../src/lib/documents/templates.ts';

// Sealed versions and adhesions as the database enforces them, whoever asks:
// who seals, who adheres for which partner, what is refused and why, and
// that nothing of it is ever changed or erased, not even by the service.

describe.each(backends)('sealed pacts and adhesions on $name', (backend) => {
	let db: Database;
	let cast: NetworkCast;
	let comune: TestPartner;
	let ponte: TestPartner;
	let futuro: TestPartner;
	let live: Y.Doc;
	const as = <T>(user: TestUser, fn: (tx: Queryable) => Promise<T>) => withUser(db, user.claims, fn);
	const refusal = (message: string) => ({ message });

	/** The room's state, as the collab server would give it: the live document at this instant. */
	const seal = (user: TestUser, documentId: string) =>
		sealPact({
			asPerson: (fn) => as(user, fn),
			service: db,
			encodeState: async () => Y.encodeStateAsUpdate(live),
			documentId,
			userId: user.id
		});

	const adhesion = (partner: TestPartner, overrides: Partial<AdhesionInput> = {}): AdhesionInput => ({
		partnerId: partner.id,
		signerName: 'Anna Colombo',
		signerTitle: 'delegate',
		adheredOn: '2026-12-01',
		act: { kind: 'delibera', number: '123', date: '2026-11-20' },
		reservations: '',
		fileId: null,
		...overrides
	});

	async function newPact() {
		return createDocument(db, cast.network, cast.facilitator, { kind: 'community_pact', title: 'Patto di comunità' });
	}

	beforeAll(async () => {
		db = await backend.fresh();
		cast = await createNetworkCast(db);
		comune = await createPartner(db, cast.network, { name: 'Comune di Sora' });
		ponte = await createPartner(db, cast.network, { name: 'Cooperativa Il Ponte' });
		futuro = await createPartner(db, cast.network, { name: 'Futuro Lavoro' });
		await db.query('update public.memberships set partner_id = $1 where user_id = $2', [comune.id, cast.commenter.id]);
		await db.query('update public.memberships set partner_id = $1 where user_id = $2', [ponte.id, cast.editor.id]);
		live = new Y.Doc();
		Y.applyUpdate(live, stateOf({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Premesse' }] }] }));
		putItems(live, COMMITMENTS, [blankCommitment('c0000000-0000-4000-8000-000000000001', ponte.id, { title: 'Tirocini' })]);
	});
	afterAll(() => db?.close());

	it('lets only the facilitator seal a community pact, numbering its versions and fingerprinting what was read', async () => {
		const pact = await newPact();
		const free = await createDocument(db, cast.network, cast.editor, { kind: 'co_design' });
		await expect(seal(cast.editor, pact.id)).rejects.toMatchObject(refusal('seal_not_facilitator'));
		await expect(seal(cast.commenter, pact.id)).rejects.toMatchObject(refusal('seal_not_facilitator'));
		await expect(seal(cast.outsider, pact.id)).rejects.toMatchObject(refusal('seal_not_found'));
		await expect(seal(cast.facilitator, free.id)).rejects.toMatchObject(refusal('seal_not_pact'));

		const first = await seal(cast.facilitator, pact.id);
		const second = await seal(cast.facilitator, pact.id);
		expect([first.number, second.number]).toEqual([1, 2]);
		const expected = canonicalPact(live, {
			network: { id: cast.network.id, name: cast.network.name },
			documentId: pact.id,
			title: 'Patto di comunità',
			partnerNames: new Map([comune, ponte, futuro].map((p) => [p.id, p.name]))
		});
		expect(first.fingerprint).toBe(expected.fingerprint);

		const sealed = await as(cast.viewer, (tx) => loadSeal(tx, cast.network.id, pact.id, first.id));
		expect(sealed).toMatchObject({ number: 1, title: 'Patto di comunità', sealedByName: 'Giulia Rinaldi', fingerprint: expected.fingerprint });
		expect(sealed?.commitments.map((c) => c.title)).toEqual(['Tirocini']);
		expect(await as(cast.outsider, (tx) => loadSeal(tx, cast.network.id, pact.id, first.id))).toBeNull();
		expect((await as(cast.viewer, (tx) => listSeals(tx, pact.id))).map((s) => [s.number, s.adhered, s.partners])).toEqual([
			[2, 0, 3],
			[1, 0, 3]
		]);

		const told = await db.query<{ recipient_id: string }>(
			`select recipient_id from public.notifications where kind = 'pact_sealed' and document_id = $1`,
			[pact.id]
		);
		expect(told.rows.map((r) => r.recipient_id).sort()).toEqual(
			[cast.editor.id, cast.commenter.id, cast.viewer.id].sort().flatMap((id) => [id, id]).sort()
		);
		const record = await db.query(`select details from public.activity where action = 'pact_sealed' and subject_id = $1 order by id`, [pact.id]);
		expect(record.rows).toEqual([{ details: { seal: first.id, number: 1 } }, { details: { seal: second.id, number: 2 } }]);
	});

	it('refuses a seal written by a person directly, whatever the fingerprint', async () => {
		const pact = await newPact();
		await expect(
			as(cast.facilitator, (tx) =>
				tx.query(
					`insert into public.pact_seals (network_id, document_id, number, title, state, canonical_text, fingerprint, sealed_by)
					 values ($1, $2, 1, 'x', '\\x00', 'x', repeat('a', 64), $3)`,
					[cast.network.id, pact.id, cast.facilitator.id]
				)
			)
		).rejects.toMatchObject({ code: '42501' });
	});

	it('takes an adhesion only from who speaks for the partner, once, to a seal of that network', async () => {
		const pact = await newPact();
		const { id: sealId } = await seal(cast.facilitator, pact.id);
		const elsewherePact = await createDocument(db, cast.elsewhere, cast.outsider, { kind: 'community_pact' });
		const { id: elsewhereSeal } = await sealPact({
			asPerson: (fn) => as(cast.outsider, fn),
			service: db,
			encodeState: async () => Y.encodeStateAsUpdate(live),
			documentId: elsewherePact.id,
			userId: cast.outsider.id
		});
		const net = cast.network.id;
		await expect(as(cast.editor, (tx) => adhere(tx, net, sealId, adhesion(comune)))).rejects.toMatchObject(refusal('adhesion_not_speaking_for'));
		await expect(as(cast.facilitator, (tx) => adhere(tx, net, sealId, adhesion(comune)))).rejects.toMatchObject(refusal('adhesion_not_speaking_for'));
		await expect(as(cast.viewer, (tx) => adhere(tx, net, sealId, adhesion(futuro)))).rejects.toMatchObject(refusal('adhesion_not_speaking_for'));
		await expect(as(cast.commenter, (tx) => adhere(tx, net, elsewhereSeal, adhesion(comune)))).rejects.toMatchObject(refusal('adhesion_not_sealed'));
		await expect(as(cast.commenter, (tx) => adhere(tx, net, pact.id, adhesion(comune)))).rejects.toMatchObject(refusal('adhesion_not_sealed'));
		const files = [
			await uploadFile(db, cast.editor, cast.network, { name: 'delibera.pdf' }),
			await uploadFile(db, cast.outsider, cast.elsewhere, { name: 'altrove.pdf' })
		];
		await expect(
			as(cast.commenter, (tx) => adhere(tx, net, sealId, adhesion(comune, { fileId: files[1].id })))
		).rejects.toMatchObject(refusal('adhesion_file_invalid'));

		// The commenter speaks for the Comune: commenters adhere too.
		const kept = await as(cast.commenter, (tx) => adhere(tx, net, sealId, adhesion(comune, { fileId: files[0].id })));
		await expect(as(cast.commenter, (tx) => adhere(tx, net, sealId, adhesion(comune)))).rejects.toMatchObject(refusal('adhesion_already'));
		await as(cast.editor, (tx) => adhere(tx, net, sealId, adhesion(ponte, { signerName: 'Marco Ferri', signerTitle: 'legal_representative', act: null })));

		const register = await as(cast.viewer, (tx) => loadRegister(tx, sealId));
		expect(register.map((l) => [l.partnerName, l.standing, l.signerName, l.act?.kind ?? null])).toEqual([
			['Comune di Sora', 'adhered', 'Anna Colombo', 'delibera'],
			['Cooperativa Il Ponte', 'adhered', 'Marco Ferri', null],
			['Futuro Lavoro', 'pending', null, null]
		]);
		expect((await as(cast.viewer, (tx) => listSeals(tx, pact.id)))[0]).toMatchObject({ adhered: 2, partners: 3 });
		const facilitatorTold = await db.query(
			`select kind::text, excerpt from public.notifications where recipient_id = $1 and document_id = $2 order by created_at`,
			[cast.facilitator.id, pact.id]
		);
		expect(facilitatorTold.rows).toEqual([
			{ kind: 'pact_adhered', excerpt: 'Comune di Sora' },
			{ kind: 'pact_adhered', excerpt: 'Cooperativa Il Ponte' }
		]);
		expect(kept).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('withdraws with a reason, keeps both rows, and takes a new adhesion after', async () => {
		const pact = await newPact();
		const { id: sealId } = await seal(cast.facilitator, pact.id);
		const net = cast.network.id;
		await expect(as(cast.commenter, (tx) => withdraw(tx, net, sealId, comune.id, 'Cambio di giunta'))).rejects.toMatchObject(
			refusal('adhesion_none_standing')
		);
		await as(cast.commenter, (tx) => adhere(tx, net, sealId, adhesion(comune)));
		await expect(as(cast.commenter, (tx) => withdraw(tx, net, sealId, comune.id, '  '))).rejects.toMatchObject(
			refusal('withdrawal_reason_required')
		);
		await expect(as(cast.editor, (tx) => withdraw(tx, net, sealId, comune.id, 'Non è mio'))).rejects.toMatchObject(
			refusal('adhesion_not_speaking_for')
		);
		await as(cast.commenter, (tx) => withdraw(tx, net, sealId, comune.id, 'Cambio di giunta'));
		let line = (await as(cast.viewer, (tx) => loadRegister(tx, sealId))).find((l) => l.partnerId === comune.id);
		expect(line).toMatchObject({ standing: 'withdrawn', withdrawalReason: 'Cambio di giunta', signerName: 'Anna Colombo' });

		await as(cast.commenter, (tx) => adhere(tx, net, sealId, adhesion(comune, { signerName: 'Sindaco di Sora', act: null })));
		line = (await as(cast.viewer, (tx) => loadRegister(tx, sealId))).find((l) => l.partnerId === comune.id);
		expect(line).toMatchObject({ standing: 'adhered', signerName: 'Sindaco di Sora', withdrawalReason: null });
		const { rows } = await db.query(`select kind::text from public.pact_adhesions where seal_id = $1 order by created_at`, [sealId]);
		expect(rows.map((r) => r.kind)).toEqual(['adhesion', 'withdrawal', 'adhesion']);
	});

	it('refuses to change or erase a seal, an adhesion or a signature check, even as the service, and a sealed pact is not deleted', async () => {
		const pact = await newPact();
		const { id: sealId } = await seal(cast.facilitator, pact.id);
		const adhesionId = await as(cast.commenter, (tx) => adhere(tx, cast.network.id, sealId, adhesion(comune)));
		await recordSignatureCheck(db, adhesionId, {
			format: 'p7m',
			signerName: 'COLOMBO ANNA',
			signedAt: new Date('2026-12-01T10:00:00Z'),
			intact: true,
			matchesFingerprint: true,
			problem: null
		});
		const immutable = refusal('pact_record_immutable');
		await expect(db.query(`update public.pact_seals set title = 'altro' where id = $1`, [sealId])).rejects.toMatchObject(immutable);
		await expect(db.query('delete from public.pact_seals where id = $1', [sealId])).rejects.toMatchObject(immutable);
		await expect(db.query(`update public.pact_adhesions set signer_name = 'Altro' where id = $1`, [adhesionId])).rejects.toMatchObject(immutable);
		await expect(db.query('delete from public.pact_adhesions where id = $1', [adhesionId])).rejects.toMatchObject(immutable);
		await expect(db.query('update public.adhesion_signatures set intact = false')).rejects.toMatchObject(immutable);
		await expect(db.query('delete from public.adhesion_signatures')).rejects.toMatchObject(immutable);
		await expect(db.exec('truncate public.adhesion_signatures')).rejects.toMatchObject(immutable);
		await expect(as(cast.facilitator, (tx) => tx.query('delete from public.documents where id = $1', [pact.id]))).rejects.toMatchObject(
			refusal('pact_has_seals')
		);
		const line = (await as(cast.viewer, (tx) => loadRegister(tx, sealId))).find((l) => l.partnerId === comune.id);
		expect(line?.signature).toEqual({ signerName: 'COLOMBO ANNA', matches: true });
	});

	it('keeps the adhesion of a partner removed from the network on the register', async () => {
		const pact = await newPact();
		const { id: sealId } = await seal(cast.facilitator, pact.id);
		const leaving = await createPartner(db, cast.network, { name: 'Associazione In Uscita' });
		const speaker = cast.viewer;
		await db.query('update public.memberships set partner_id = $1 where user_id = $2', [leaving.id, speaker.id]);
		await as(speaker, (tx) => adhere(tx, cast.network.id, sealId, adhesion(leaving, { signerName: 'Paolo De Santis' })));
		await as(cast.facilitator, (tx) => tx.query('delete from public.partners where id = $1', [leaving.id]));
		const line = (await as(cast.viewer, (tx) => loadRegister(tx, sealId))).find((l) => l.partnerId === leaving.id);
		expect(line).toMatchObject({ partnerName: 'Associazione In Uscita', stillInNetwork: false, standing: 'adhered' });
	});

	it('reminds the people of the pending partners only, at the facilitator\'s asking', async () => {
		const pact = await newPact();
		const { id: sealId } = await seal(cast.facilitator, pact.id);
		await as(cast.commenter, (tx) => adhere(tx, cast.network.id, sealId, adhesion(comune)));
		await expect(as(cast.editor, (tx) => remindPending(tx, sealId))).rejects.toMatchObject(refusal('reminder_not_facilitator'));
		expect(await as(cast.facilitator, (tx) => remindPending(tx, sealId))).toBe(1);
		const { rows } = await db.query<{ recipient_id: string }>(
			`select recipient_id from public.notifications where kind = 'adhesion_reminder' and document_id = $1`,
			[pact.id]
		);
		expect(rows.map((r) => r.recipient_id)).toEqual([cast.editor.id]);
	});

	it("takes a network's seals and adhesions with it when the whole network is deleted", async () => {
		const lead = cast.outsider;
		const doomedPact = await createDocument(db, cast.elsewhere, lead, { kind: 'community_pact' });
		await sealPact({
			asPerson: (fn) => as(lead, fn),
			service: db,
			encodeState: async () => Y.encodeStateAsUpdate(live),
			documentId: doomedPact.id,
			userId: lead.id
		});
		await as(lead, (tx) => tx.query('delete from public.networks where id = $1', [cast.elsewhere.id]));
		const { rows } = await db.query('select 1 from public.pact_seals where network_id = $1', [cast.elsewhere.id]);
		expect(rows).toEqual([]);
	});
});
