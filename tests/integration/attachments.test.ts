import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { addMember, createDocument, createNetworkCast, type TestNetwork, type TestUser } from './factories.ts';
import { uploadFile, type StoredFile } from './file-scene.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database, Queryable } from '../../src/lib/server/db/types.ts';
import { refusalKey } from '../../src/lib/server/db/errors.ts';
import {
	attachFiles,
	attachmentsOf,
	postAttaching,
	unavailableFiles,
	type AttachmentPost
} from '../../src/lib/server/attachments/queries.ts';
import { reply, startThread } from '../../src/lib/server/discussions/posting.ts';
import { readThread } from '../../src/lib/server/discussions/threads.ts';
import { addComment, addReply, listComments } from '../../src/lib/server/comments/queries.ts';
import { commentViews } from '../../src/lib/server/comments/views.ts';

// Files attached to posts, as each person: the post's author attaches them
// in the same transaction as the post; the policies, the foreign keys and
// the trigger refuse the rest. Every scene has its own people, so the
// posting rate limit (12 a minute per account) is never what refuses.

describe.each(backends)('attachments as each person, on $name', (backend) => {
	let db: Database;
	const as = <T>(user: TestUser, fn: (tx: Queryable) => Promise<T>) => withUser(db, user.claims, fn);
	const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

	/** A thread started by `author` with these files, as the new-thread form does it. */
	async function threadWith(author: TestUser, network: TestNetwork, files: StoredFile[]) {
		const outcome = await as(author, (tx) =>
			postAttaching(
				tx,
				network.id,
				files.map((file) => file.id),
				() => startThread(tx, network.id, { title: 'Avviso pubblico 2027', body: 'In allegato il testo.', document: null }),
				(started) => ('ok' in started ? { thread: started.ok } : null)
			)
		);
		if (!('ok' in outcome)) throw new Error(`thread refused: ${JSON.stringify(outcome)}`);
		return outcome.ok;
	}

	const threadFiles = async (user: TestUser, network: TestNetwork, id: string) =>
		(await as(user, (tx) => readThread(tx, network.id, id)))!.opening.attachments;

	const attach = (user: TestUser, network: TestNetwork, post: AttachmentPost, files: StoredFile[]) =>
		as(user, (tx) =>
			attachFiles(
				tx,
				network.id,
				post,
				files.map((file) => file.id)
			)
		);

	const threadCount = async (network: TestNetwork) =>
		(await db.query<{ n: number }>('select count(*)::int as n from public.threads where network_id = $1', [network.id])).rows[0].n;

	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	it('attaches files to a thread as it is started, shown to every member with name, size, type, by name', async () => {
		const { editor, viewer, network } = await createNetworkCast(db);
		const budget = await uploadFile(db, editor, network, {
			name: 'Budget 2027.xlsx',
			contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			size: 48_213
		});
		const notice = await uploadFile(db, editor, network, { name: 'avviso pubblico.pdf', size: 1_250_000 });
		const id = await threadWith(editor, network, [notice, budget]);

		expect(await threadFiles(viewer, network, id)).toEqual([
			{
				fileId: notice.id,
				name: 'avviso pubblico.pdf',
				size: 1_250_000,
				contentType: 'application/pdf',
				inBin: false
			},
			{
				fileId: budget.id,
				name: 'Budget 2027.xlsx',
				size: 48_213,
				contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				inBin: false
			}
		]);
		const rows = await db.query('select added_by, network_id from public.attachments where thread_id = $1', [id]);
		expect(rows.rows).toEqual([
			{ added_by: editor.id, network_id: network.id },
			{ added_by: editor.id, network_id: network.id }
		]);
	});

	it('attaches files to a reply, a comment and a comment’s reply, each read back under its own post', async () => {
		const { facilitator, editor, commenter, network } = await createNetworkCast(db);
		const photo = await uploadFile(db, editor, network, { name: 'lavagna del tavolo.jpg', contentType: 'image/jpeg' });
		const form = await uploadFile(db, facilitator, network, { name: 'modulo firmato.pdf' });
		const thread = await threadWith(editor, network, []);
		const replied = await as(commenter, (tx) =>
			postAttaching(tx, network.id, [photo.id], () => reply(tx, network.id, thread, 'Ecco la foto.'), (outcome) =>
				'ok' in outcome ? { message: outcome.ok } : null
			)
		);
		expect(replied).toMatchObject({ ok: expect.any(String) });

		const doc = await createDocument(db, network, editor);
		const place = { networkId: network.id, documentId: doc.id };
		const anchor = { quote: 'sala', anchorFrom: new Uint8Array([1]), anchorTo: new Uint8Array([2]) };
		const comment = (await as(commenter, (tx) =>
			postAttaching(tx, network.id, [form.id], () => addComment(tx, place, { body: 'Il modulo.', ...anchor }), (id) =>
				id ? { comment: id } : null
			)
		)) as string;
		await as(facilitator, (tx) =>
			postAttaching(tx, network.id, [photo.id, form.id], () => addReply(tx, { ...place, commentId: comment }, 'Grazie.'), (id) =>
				id ? { reply: id } : null
			)
		);

		const read = await as(facilitator, (tx) => readThread(tx, network.id, thread));
		expect(read!.opening.attachments).toEqual([]);
		expect(read!.replies[0].attachments.map((file) => file.name)).toEqual(['lavagna del tavolo.jpg']);
		const [view] = commentViews(await as(editor, (tx) => listComments(tx, doc.id)));
		expect(view.attachments.map((file) => file.name)).toEqual(['modulo firmato.pdf']);
		expect(view.replies[0].attachments.map((file) => file.name)).toEqual(['lavagna del tavolo.jpg', 'modulo firmato.pdf']);
	});

	it('reads the files of every post of a thread in one query, however many replies it has', async () => {
		const { editor, commenter, viewer, network } = await createNetworkCast(db);
		const files = [await uploadFile(db, editor, network), await uploadFile(db, editor, network)];
		const thread = await threadWith(editor, network, files.slice(0, 1));
		for (const body of ['Uno.', 'Due.', 'Tre.']) {
			await as(commenter, (tx) =>
				postAttaching(tx, network.id, [files[1].id], () => reply(tx, network.id, thread, body), (outcome) =>
					'ok' in outcome ? { message: outcome.ok } : null
				)
			);
		}
		const asked: string[] = [];
		const read = await as(viewer, (tx) =>
			readThread(
				{ query: (sql, params) => (asked.push(sql), tx.query(sql, params)), exec: (sql) => tx.exec(sql) },
				network.id,
				thread
			)
		);
		expect(asked.filter((sql) => sql.includes('public.attachments'))).toHaveLength(1);
		expect(read!.replies.map((message) => message.attachments.length)).toEqual([1, 1, 1]);
	});

	it('refuses to attach files to someone else’s post, even for a facilitator', async () => {
		const { facilitator, editor, commenter, network } = await createNetworkCast(db);
		const file = await uploadFile(db, editor, network);
		const thread = await threadWith(editor, network, []);
		for (const person of [commenter, facilitator]) {
			expect(refusalKey(await failure(attach(person, network, { thread }, [file])))).toBe('errors.not_allowed');
		}
		expect(await threadFiles(editor, network, thread)).toEqual([]);
	});

	it('refuses a viewer, even on a post they wrote before becoming one', async () => {
		const { editor, commenter, viewer, network } = await createNetworkCast(db);
		const file = await uploadFile(db, editor, network);
		const doc = await createDocument(db, network, editor);
		const comment = (await as(commenter, (tx) =>
			addComment(tx, { networkId: network.id, documentId: doc.id }, { body: 'Da vedere.', quote: 'sala', anchorFrom: new Uint8Array([1]), anchorTo: new Uint8Array([2]) })
		))!;
		await db.query("update public.memberships set role = 'viewer' where network_id = $1 and user_id = $2", [network.id, commenter.id]);

		expect(refusalKey(await failure(attach(commenter, network, { comment }, [file])))).toBe('errors.not_allowed');
		expect(refusalKey(await failure(attach(viewer, network, { comment }, [file])))).toBe('errors.not_allowed');
		expect((await as(editor, (tx) => attachmentsOf(tx, { comments: [comment] }))).size).toBe(0);
	});

	it('never attaches another network’s file: unavailable to the form, and refused by the foreign key', async () => {
		const { editor, outsider, network, elsewhere } = await createNetworkCast(db);
		const foreign = await uploadFile(db, outsider, elsewhere, { name: 'altra rete.pdf' });
		const own = await uploadFile(db, editor, network);
		expect(await as(editor, (tx) => unavailableFiles(tx, network.id, [own.id, foreign.id]))).toEqual([foreign.id]);

		// The form's way: nothing is written, not even the thread.
		const before = await threadCount(network);
		const outcome = await as(editor, (tx) =>
			postAttaching(
				tx,
				network.id,
				[own.id, foreign.id],
				() => startThread(tx, network.id, { title: 'Con un file estraneo', body: 'Testo.', document: null }),
				(started) => ('ok' in started ? { thread: started.ok } : null)
			)
		);
		expect(outcome).toEqual({ unavailable: [foreign.id] });
		expect(await threadCount(network)).toBe(before);

		// Straight to the table, by someone who writes in both networks: the file must be in the post's network.
		await addMember(db, network, outsider, 'editor');
		const thread = await threadWith(outsider, network, []);
		const refused = await failure(attach(outsider, network, { thread }, [foreign]));
		expect(refused).toMatchObject({ code: '23503' });
		expect(refusalKey(refused)).toBe('attachments.unavailable');
		// Naming the file's network instead, the post is the one out of place.
		expect(await failure(attach(outsider, elsewhere, { thread }, [foreign]))).toMatchObject({ code: '23503' });
		expect(await threadFiles(outsider, network, thread)).toEqual([]);
	});

	it('offers no binned file, and marks a file binned after it was attached', async () => {
		const { editor, commenter, network } = await createNetworkCast(db);
		const binned = await uploadFile(db, editor, network, { name: 'vecchia bozza.docx' });
		await as(editor, (tx) => tx.query('update public.files set deleted_at = now() where id = $1', [binned.id]));
		expect(await as(editor, (tx) => unavailableFiles(tx, network.id, [binned.id]))).toEqual([binned.id]);

		const kept = await uploadFile(db, editor, network, { name: 'calendario.pdf' });
		const thread = await threadWith(editor, network, [kept]);
		await as(editor, (tx) => tx.query('update public.files set deleted_at = now() where id = $1', [kept.id]));
		expect(await threadFiles(commenter, network, thread)).toMatchObject([{ fileId: kept.id, name: 'calendario.pdf', inBin: true }]);
	});

	it('refuses an eleventh file on a post, whether sent together or added later', async () => {
		const { editor, network } = await createNetworkCast(db);
		const files: StoredFile[] = [];
		for (let i = 0; i < 11; i++) files.push(await uploadFile(db, editor, network, { name: `foglio ${String(i).padStart(2, '0')}.pdf` }));
		const thread = await threadWith(editor, network, files.slice(0, 10));
		expect(await threadFiles(editor, network, thread)).toHaveLength(10);

		const later = await failure(attach(editor, network, { thread }, files.slice(10)));
		expect(later).toMatchObject({ code: 'P0001', message: 'too_many_attachments' });
		expect(refusalKey(later)).toBe('attachments.tooMany');

		const other = await threadWith(editor, network, []);
		expect(refusalKey(await failure(attach(editor, network, { thread: other }, files)))).toBe('attachments.tooMany');
		expect(await threadFiles(editor, network, other)).toEqual([]);
	});

	it('lets the attachments go with a file deleted for good', async () => {
		const { facilitator, editor, viewer, network } = await createNetworkCast(db);
		const gone = await uploadFile(db, editor, network, { name: 'da eliminare.pdf' });
		const stays = await uploadFile(db, editor, network, { name: 'resta.pdf' });
		const thread = await threadWith(editor, network, [gone, stays]);
		// Only a facilitator deletes for good.
		const { rows } = await as(editor, (tx) => tx.query('delete from public.files where id = $1 returning id', [gone.id]));
		expect(rows).toEqual([]);
		await as(facilitator, (tx) => tx.query('delete from public.files where id = $1', [gone.id]));
		expect((await threadFiles(viewer, network, thread)).map((file) => file.name)).toEqual(['resta.pdf']);
	});

	it('shows no attachment, nor whether there is one, to someone outside the network', async () => {
		const { editor, outsider, network } = await createNetworkCast(db);
		const thread = await threadWith(editor, network, [await uploadFile(db, editor, network)]);
		expect((await as(outsider, (tx) => attachmentsOf(tx, { threads: [thread] }))).size).toBe(0);
		expect(await as(outsider, (tx) => readThread(tx, network.id, thread))).toBeNull();
	});
});
