import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../databases.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { mentionToken } from '../../../src/lib/mentions.ts';
import type { TestUser } from '../factories.ts';
import { commentOn, createCast, notificationsFrom, replyInThread, replyToComment, startThread } from './scene.ts';

// The notification triggers (20261123110100_notifications.sql): who is told
// of a post, of which kind, exactly once; never the author, never someone
// outside the network, never of a kind they turned off.

const mention = (user: TestUser, name: string) => mentionToken(name, user.id);

describe.each(backends)('notifications on $name', (backend) => {
	let db: Database;

	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	it('tells a mentioned member, and nobody for a non-member or a made-up id, without failing the post', async () => {
		const cast = await createCast(db);
		const nobody = mentionToken('Nessuno', randomUUID());
		const body = `Ne parliamo con ${mention(cast.viewer, 'Paolo')}, ${mention(cast.outsider, 'Olga')} e ${nobody}.`;
		const { rows, told } = await notificationsFrom(db, () => startThread(db, cast.editor, cast.network, { body }));
		expect(told).toEqual([[cast.viewer.id, 'mention']]);
		expect(rows[0]).toMatchObject({ actor_id: cast.editor.id, message_id: null, document_id: null, comment_id: null });
		const { rows: threads } = await db.query<{ id: string }>('select id from public.threads where network_id = $1', [cast.network.id]);
		expect(rows[0].thread_id).toBe(threads[0].id);
	});

	it('reads mentions whatever the case of the id, and tells a person mentioned twice once', async () => {
		const cast = await createCast(db);
		const body = `${mention(cast.viewer, 'Paolo')} e ancora @[Paolo De Santis](mention:${cast.viewer.id.toUpperCase()})`;
		const { told } = await notificationsFrom(db, () => startThread(db, cast.editor, cast.network, { body }));
		expect(told).toEqual([[cast.viewer.id, 'mention']]);
	});

	it('never tells the author, not even of a mention of themselves or of a reply in their own thread', async () => {
		const cast = await createCast(db);
		const thread = await startThread(db, cast.editor, cast.network);
		const { told } = await notificationsFrom(db, () =>
			replyInThread(db, cast.editor, thread, `Nota per me: ${mention(cast.editor, 'Marco')}`)
		);
		expect(told).toEqual([]);
	});

	it('tells the thread author and every earlier replier of a reply, once each', async () => {
		const cast = await createCast(db);
		const thread = await startThread(db, cast.facilitator, cast.network);
		const first = await notificationsFrom(db, () => replyInThread(db, cast.commenter, thread));
		expect(first.told).toEqual([[cast.facilitator.id, 'reply']]);
		await replyInThread(db, cast.commenter, thread, 'E aggiungo una cosa.');
		const third = await notificationsFrom(db, () => replyInThread(db, cast.editor, thread));
		expect(third.told).toEqual([[cast.commenter.id, 'reply'], [cast.facilitator.id, 'reply']].sort());
		expect(third.rows.every((n) => n.thread_id === thread.id && n.actor_id === cast.editor.id && n.message_id !== null)).toBe(true);
	});

	it('tells a participant who is also mentioned once, as a mention', async () => {
		const cast = await createCast(db);
		const thread = await startThread(db, cast.facilitator, cast.network);
		await replyInThread(db, cast.commenter, thread);
		const { told } = await notificationsFrom(db, () =>
			replyInThread(db, cast.editor, thread, `${mention(cast.facilitator, 'Giulia')} ${mention(cast.facilitator, 'Giulia')}, che ne pensi?`)
		);
		expect(told).toEqual([[cast.commenter.id, 'reply'], [cast.facilitator.id, 'mention']].sort());
	});

	it("tells the document's creator and its contributors of a comment, but not a contributor who left", async () => {
		const cast = await createCast(db);
		const contributor = async (user: TestUser) =>
			db.query('insert into public.document_contributors (document_id, user_id) values ($1, $2)', [cast.document.id, user.id]);
		await contributor(cast.facilitator);
		await contributor(cast.editor);
		await contributor(cast.viewer);
		await db.query('delete from public.memberships where network_id = $1 and user_id = $2', [cast.network.id, cast.viewer.id]);
		const { rows, told } = await notificationsFrom(db, () => commentOn(db, cast.commenter, cast.document));
		expect(told).toEqual([[cast.editor.id, 'comment'], [cast.facilitator.id, 'comment']].sort());
		expect(rows[0]).toMatchObject({ document_id: cast.document.id, thread_id: null, actor_id: cast.commenter.id });
		expect(rows[0].comment_id).not.toBeNull();
	});

	it("tells the comment's author and earlier repliers of a reply, not the document's other writers", async () => {
		const cast = await createCast(db);
		const comment = await commentOn(db, cast.commenter, cast.document);
		const first = await notificationsFrom(db, () => replyToComment(db, cast.facilitator, comment));
		expect(first.told).toEqual([[cast.commenter.id, 'reply']]);
		const second = await notificationsFrom(db, () => replyToComment(db, cast.commenter, comment, 'Grazie.'));
		expect(second.told).toEqual([[cast.facilitator.id, 'reply']]);
		const third = await notificationsFrom(db, () => replyToComment(db, cast.editor, comment, `Ok ${mention(cast.commenter, 'Anna')}`));
		expect(third.told).toEqual([[cast.commenter.id, 'mention'], [cast.facilitator.id, 'reply']].sort());
		expect(third.rows.every((n) => n.comment_id === comment.id && n.document_id === cast.document.id)).toBe(true);
	});

	it('writes no notification of a kind the person turned off, and still the others', async () => {
		const cast = await createCast(db);
		await withUser(db, cast.editor.claims, (tx) => tx.query(`insert into public.notification_settings (muted) values ('{comment}')`));
		const plain = await notificationsFrom(db, () => commentOn(db, cast.commenter, cast.document));
		expect(plain.told).toEqual([]);
		const mentioning = await notificationsFrom(db, () =>
			commentOn(db, cast.commenter, cast.document, { body: `${mention(cast.editor, 'Marco')} guarda qui` })
		);
		expect(mentioning.told).toEqual([[cast.editor.id, 'mention']]);
	});

	it('stops showing a removed member the notifications of that network, and tells them nothing new', async () => {
		const cast = await createCast(db);
		await startThread(db, cast.editor, cast.network, { body: `Benvenuto ${mention(cast.viewer, 'Paolo')}` });
		const visible = () =>
			withUser(db, cast.viewer.claims, async (tx) => (await tx.query('select id from public.notifications')).rows.length);
		expect(await visible()).toBe(1);
		await withUser(db, cast.facilitator.claims, (tx) =>
			tx.query('delete from public.memberships where network_id = $1 and user_id = $2', [cast.network.id, cast.viewer.id])
		);
		expect(await visible()).toBe(0);
		const after = await notificationsFrom(db, () =>
			startThread(db, cast.editor, cast.network, { body: `Ancora ${mention(cast.viewer, 'Paolo')}` })
		);
		expect(after.told).toEqual([]);
	});

	it('keeps an excerpt with mentions written as @Name, spaces folded, cut at 200 characters', async () => {
		const cast = await createCast(db);
		const body = `Ciao ${mention(cast.viewer, 'Paolo De Santis')},\n\nguarda   il punto 3.\n${'lungo '.repeat(60)}`;
		const { rows } = await notificationsFrom(db, () => startThread(db, cast.editor, cast.network, { body }));
		const expected = `Ciao @Paolo De Santis, guarda il punto 3. ${'lungo '.repeat(60)}`.slice(0, 200);
		expect(rows[0].excerpt).toBe(expected);
		expect(rows[0].excerpt).toHaveLength(200);
	});
});
