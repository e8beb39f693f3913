import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { createDocument, createNetworkCast, type NetworkCast, type TestUser } from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { documentAccess, listVersions, renameDocument, setDocumentStatus } from '../../src/lib/server/documents/queries.ts';
import { approvalState, approveDocument, reopenDocument, requestReview } from '../../src/lib/server/documents/approval.ts';
import { sendReviewReminders } from '../../src/lib/server/documents/review-reminders.ts';
import { templateState } from '../../src/lib/documents/templates.ts';

// Approval and review as the database enforces them, whoever asks and by
// whatever path: who approves and reopens, what an approved text refuses,
// the version each approval keeps, who is told of a review and reminded once.

describe.each(backends)('approval and review on $name', (backend) => {
	let db: Database;
	let cast: NetworkCast;
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);
	const version = { name: 'Approvato', state: templateState('free'), text: 'Il testo approvato' };
	const kinds = async (user: TestUser, documentId: string) => {
		const { rows } = await db.query<{ kind: string }>(
			'select kind::text as kind from public.notifications where recipient_id = $1 and document_id = $2 order by created_at',
			[user.id, documentId]
		);
		return rows.map((row) => row.kind);
	};

	beforeAll(async () => {
		db = await backend.fresh();
		cast = await createNetworkCast(db);
	});
	afterAll(() => db?.close());

	it('lets only a facilitator approve, and keeps the text as a named version of the approval', async () => {
		const doc = await createDocument(db, cast.network, cast.editor);
		await expect(as(cast.editor, (tx) => approveDocument(tx, doc.id, version))).rejects.toMatchObject({ code: '42501' });
		await expect(as(cast.commenter, (tx) => approveDocument(tx, doc.id, version))).rejects.toMatchObject({ code: '42501' });
		expect(await as(cast.editor, (tx) => listVersions(tx, doc.id))).toEqual([]);

		const kept = await as(cast.facilitator, (tx) => approveDocument(tx, doc.id, version));
		const versions = await as(cast.viewer, (tx) => listVersions(tx, doc.id));
		expect(versions).toMatchObject([{ id: kept, name: 'Approvato', automatic: false, createdByName: 'Giulia Rinaldi' }]);
		expect(await as(cast.viewer, (tx) => approvalState(tx, doc.id))).toMatchObject({
			approval: { versionId: kept, versionName: 'Approvato', approvedByName: 'Giulia Rinaldi' },
			reviewDue: null
		});
		const activity = await db.query<{ details: Record<string, unknown> }>(
			`select details from public.activity where subject_id = $1 and action = 'document_status_changed'`,
			[doc.id]
		);
		expect(activity.rows).toEqual([{ details: { from: 'draft', to: 'approved', version: kept } }]);
	});

	it('refuses an approval that keeps no version, by any person', async () => {
		const doc = await createDocument(db, cast.network, cast.editor);
		await expect(as(cast.facilitator, (tx) => setDocumentStatus(tx, cast.network.id, doc.id, 'approved'))).rejects.toMatchObject({
			message: 'approval_needs_version'
		});
		await expect(
			as(cast.facilitator, (tx) =>
				tx.query(`insert into public.documents (network_id, kind, title, status) values ($1, 'free', 'Già approvato', 'approved')`, [
					cast.network.id
				])
			)
		).rejects.toMatchObject({ message: 'approval_needs_version' });
	});

	it('makes an approved document read-only for everyone: text, versions and title; comments stay open', async () => {
		const doc = await createDocument(db, cast.network, cast.editor);
		await as(cast.facilitator, (tx) => approveDocument(tx, doc.id, version));
		for (const person of [cast.facilitator, cast.editor, cast.commenter]) {
			expect(await as(person, (tx) => documentAccess(tx, doc.id))).toMatchObject({ status: 'approved', mayWrite: false });
		}
		await expect(
			as(cast.facilitator, (tx) => tx.query(`insert into public.document_versions (document_id, name, state) values ($1, 'Dopo', '\\x00')`, [doc.id]))
		).rejects.toMatchObject({ code: '42501' });
		expect(await as(cast.editor, (tx) => renameDocument(tx, cast.network.id, doc.id, 'Altro titolo'))).toBe(false);
		await expect(as(cast.facilitator, (tx) => renameDocument(tx, cast.network.id, doc.id, 'Altro titolo'))).rejects.toMatchObject({
			message: 'document_approved'
		});
		const mayComment = await as(cast.commenter, (tx) => tx.query<{ ok: boolean }>('select public.may_comment($1) as ok', [doc.id]));
		expect(mayComment.rows[0].ok).toBe(true);
	});

	it('lets only a facilitator reopen, only with a reason, and records the reason', async () => {
		const doc = await createDocument(db, cast.network, cast.editor);
		await as(cast.facilitator, (tx) => approveDocument(tx, doc.id, version));
		// An editor cannot move it at all; a facilitator cannot without a reason.
		expect(await as(cast.editor, (tx) => setDocumentStatus(tx, cast.network.id, doc.id, 'draft'))).toBe(false);
		await expect(as(cast.editor, (tx) => reopenDocument(tx, doc.id, 'draft', 'Da rivedere'))).rejects.toMatchObject({ code: '42501' });
		await expect(as(cast.facilitator, (tx) => setDocumentStatus(tx, cast.network.id, doc.id, 'draft'))).rejects.toMatchObject({
			message: 'reopen_needs_reason'
		});
		await expect(as(cast.facilitator, (tx) => reopenDocument(tx, doc.id, 'draft', '   '))).rejects.toMatchObject({ code: '23514' });

		await as(cast.facilitator, (tx) => reopenDocument(tx, doc.id, 'in_review', 'Manca l’impegno della ASL'));
		expect(await as(cast.editor, (tx) => documentAccess(tx, doc.id))).toMatchObject({ status: 'in_review', mayWrite: true });
		expect(await as(cast.editor, (tx) => approvalState(tx, doc.id))).toEqual({ approval: null, reviewDue: null });
		const activity = await db.query<{ actor_id: string; details: Record<string, unknown> }>(
			`select actor_id, details from public.activity where subject_id = $1 and action = 'document_status_changed' order by id`,
			[doc.id]
		);
		expect(activity.rows.at(-1)).toEqual({
			actor_id: cast.facilitator.id,
			details: { from: 'approved', to: 'in_review', reason: 'Manca l’impegno della ASL' }
		});
		// Archiving an approved document needs no reason: it stays read-only.
		await as(cast.facilitator, (tx) => approveDocument(tx, doc.id, version));
		expect(await as(cast.facilitator, (tx) => setDocumentStatus(tx, cast.network.id, doc.id, 'archived'))).toBe(true);
	});

	it('tells the members who may comment when a document is put in review, with its deadline', async () => {
		const doc = await createDocument(db, cast.network, cast.facilitator);
		expect(await as(cast.editor, (tx) => requestReview(tx, cast.network.id, doc.id, '2027-03-10'))).toBe(true);
		expect(await as(cast.commenter, (tx) => approvalState(tx, doc.id))).toEqual({ approval: null, reviewDue: '2027-03-10' });
		expect(await kinds(cast.commenter, doc.id)).toEqual(['review_requested']);
		expect(await kinds(cast.facilitator, doc.id)).toEqual(['review_requested']);
		// Not the person who asked, nor a viewer, nor anyone elsewhere.
		expect(await kinds(cast.editor, doc.id)).toEqual([]);
		expect(await kinds(cast.viewer, doc.id)).toEqual([]);
		expect(await kinds(cast.outsider, doc.id)).toEqual([]);
		// A commenter cannot ask for review; leaving review drops the deadline.
		expect(await as(cast.commenter, (tx) => requestReview(tx, cast.network.id, doc.id, null))).toBe(false);
		await as(cast.editor, (tx) => setDocumentStatus(tx, cast.network.id, doc.id, 'draft'));
		expect(await as(cast.commenter, (tx) => approvalState(tx, doc.id))).toEqual({ approval: null, reviewDue: null });
	});

	it('reminds the reviewers once, the day before the deadline', async () => {
		const doc = await createDocument(db, cast.network, cast.facilitator);
		const undated = await createDocument(db, cast.network, cast.facilitator);
		await as(cast.editor, (tx) => requestReview(tx, cast.network.id, doc.id, '2099-05-20'));
		await as(cast.editor, (tx) => requestReview(tx, cast.network.id, undated.id, null));
		const reminded = async () => (await kinds(cast.commenter, doc.id)).filter((kind) => kind === 'review_reminder').length;

		// Two days before, nothing; late on the day before (Rome's time), the reminder.
		expect(await sendReviewReminders(db, new Date('2099-05-18T21:00:00Z'))).toBe(0);
		expect(await reminded()).toBe(0);
		expect(await sendReviewReminders(db, new Date('2099-05-18T23:30:00Z'))).toBe(1);
		expect(await reminded()).toBe(1);
		// Again that day, on the day itself, or twice at once: never a second time.
		const again = await Promise.all([
			sendReviewReminders(db, new Date('2099-05-19T10:00:00Z')),
			sendReviewReminders(db, new Date('2099-05-19T10:00:00Z')),
			sendReviewReminders(db, new Date('2099-05-20T08:00:00Z'))
		]);
		expect(again).toEqual([0, 0, 0]);
		expect(await reminded()).toBe(1);
		expect(await kinds(cast.editor, doc.id)).toEqual(['review_reminder']);
		expect(await kinds(cast.viewer, doc.id)).toEqual([]);
		expect(await kinds(cast.commenter, undated.id)).toEqual(['review_requested']);
	});

	it('reminds about a moved deadline, and not about a review that ended', async () => {
		const doc = await createDocument(db, cast.network, cast.facilitator);
		await as(cast.editor, (tx) => requestReview(tx, cast.network.id, doc.id, '2099-06-10'));
		await as(cast.editor, (tx) => requestReview(tx, cast.network.id, doc.id, '2099-06-20'));
		expect(await sendReviewReminders(db, new Date('2099-06-09T10:00:00Z'))).toBe(0);
		expect(await sendReviewReminders(db, new Date('2099-06-19T10:00:00Z'))).toBe(1);
		const ended = await createDocument(db, cast.network, cast.facilitator);
		await as(cast.editor, (tx) => requestReview(tx, cast.network.id, ended.id, '2099-07-10'));
		await as(cast.editor, (tx) => setDocumentStatus(tx, cast.network.id, ended.id, 'draft'));
		expect(await sendReviewReminders(db, new Date('2099-07-09T10:00:00Z'))).toBe(0);
	});
});
