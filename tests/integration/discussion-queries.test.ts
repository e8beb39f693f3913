import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { createDocument, createNetworkCast, type TestNetwork, type TestUser } from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { listThreads, readThread } from '../../src/lib/server/discussions/threads.ts';
import { deleteThread, reply, setClosed, setPinned, startThread } from '../../src/lib/server/discussions/posting.ts';
import { recordVisit } from '../../src/lib/server/visits.ts';
import { replySchema } from '../../src/lib/server/discussions/schemas.ts';
import { BODY_MAX } from '../../src/lib/discussions/limits.ts';
import { mentionToken } from '../../src/lib/mentions.ts';
import { refusalKey } from '../../src/lib/server/db/errors.ts';

// The discussion pages' queries, run as each person: what they see, what is
// new for them and what they may write are decided by the database.

describe.each(backends)('discussion queries as each person, on $name', (backend) => {
	let db: Database;
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);

	async function thread(author: TestUser, network: TestNetwork, title = 'Calendario degli incontri', document: string | null = null) {
		const outcome = await as(author, (tx) => startThread(tx, network.id, { title, body: 'Proposta di date.', document }));
		if (!('ok' in outcome)) throw new Error(`thread refused: ${outcome.refused}`);
		return outcome.ok;
	}

	async function replyAs(author: TestUser, network: TestNetwork, threadId: string, body = 'D’accordo.') {
		const outcome = await as(author, (tx) => reply(tx, network.id, threadId, body));
		if (!('ok' in outcome)) throw new Error(`reply refused: ${outcome.refused}`);
		return outcome.ok;
	}

	const listed = (user: TestUser, network: TestNetwork, filter: 'open' | 'closed' | 'all' = 'all') =>
		as(user, (tx) => listThreads(tx, network.id, { filter, limit: 50 }));

	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	it('lists a new thread with its author, linked document and reply count, new for others but not its author', async () => {
		const { facilitator, editor, network } = await createNetworkCast(db);
		const doc = await createDocument(db, network, facilitator, { title: 'Patto per il lavoro' });
		const id = await thread(facilitator, network, 'Il patto va firmato entro maggio', doc.id);

		const { threads } = await listed(editor, network);
		expect(threads).toMatchObject([
			{
				id,
				title: 'Il patto va firmato entro maggio',
				pinned: false,
				closed: false,
				replyCount: 0,
				author: { id: facilitator.id, name: 'Giulia Rinaldi', organisation: 'Ambito di Frosinone' },
				document: { id: doc.id, title: 'Patto per il lavoro' },
				isNew: true,
				unread: 0
			}
		]);
		expect((await listed(facilitator, network)).threads[0]).toMatchObject({ isNew: false, unread: 0 });
	});

	it('counts as new only the replies of others since the person’s last visit', async () => {
		const { facilitator, editor, commenter, network } = await createNetworkCast(db);
		const id = await thread(facilitator, network);
		await replyAs(editor, network, id, 'Propongo martedì.');
		// Never opened: every reply by someone else is new, and the thread itself too.
		expect((await listed(commenter, network)).threads[0]).toMatchObject({ isNew: true, unread: 1 });

		expect((await as(commenter, (tx) => recordVisit(tx, network.id, id))).previous).toBeNull();
		expect((await listed(commenter, network)).threads[0]).toMatchObject({ isNew: false, unread: 0 });

		await replyAs(commenter, network, id, 'Per il Comune va bene.');
		await replyAs(editor, network, id, 'Allora martedì alle 10.');
		await replyAs(facilitator, network, id, 'Confermo.');
		// Her own reply is not news to her; the two that followed are.
		expect((await listed(commenter, network)).threads[0]).toMatchObject({ isNew: false, unread: 2, replyCount: 4 });
		// The author never opened the page since starting it: all three replies by others are new to her.
		expect((await listed(facilitator, network)).threads[0]).toMatchObject({ isNew: false, unread: 3 });
	});

	it('keeps one visit per person and thread, and returns when they looked before', async () => {
		const { facilitator, editor, network } = await createNetworkCast(db);
		const id = await thread(facilitator, network);
		const first = await as(editor, (tx) => recordVisit(tx, network.id, id));
		expect(first.previous).toBeNull();
		const second = await as(editor, (tx) => recordVisit(tx, network.id, id));
		expect(second.previous).toEqual(first.seenAt);
		expect(second.seenAt.getTime()).toBeGreaterThan(first.seenAt.getTime());
		const stored = await db.query<{ seen_at: Date }>('select seen_at from public.visits where user_id = $1', [editor.id]);
		expect(stored.rows).toEqual([{ seen_at: second.seenAt }]);
		// Another person's visit is theirs alone.
		expect((await as(facilitator, (tx) => recordVisit(tx, network.id, id))).previous).toBeNull();
	});

	it('refuses to record a visit to another network’s thread', async () => {
		const { facilitator, outsider, network } = await createNetworkCast(db);
		const id = await thread(facilitator, network);
		await expect(as(outsider, (tx) => recordVisit(tx, network.id, id))).rejects.toMatchObject({ code: '42501' });
	});

	it('puts pinned threads first, then the most recently active, and filters open and closed ones', async () => {
		const { facilitator, editor, network } = await createNetworkCast(db);
		const older = await thread(editor, network, 'Prima discussione');
		const pinned = await thread(editor, network, 'Regole della rete');
		const recent = await thread(editor, network, 'Terza discussione');
		await replyAs(facilitator, network, older, 'Riprendo questa.');
		expect(await as(facilitator, (tx) => setPinned(tx, network.id, pinned, true))).toBe(true);
		expect((await listed(editor, network)).threads.map((t) => t.id)).toEqual([pinned, older, recent]);

		expect(await as(facilitator, (tx) => setClosed(tx, network.id, recent, true))).toBe(true);
		const open = await listed(editor, network, 'open');
		expect(open.threads.map((t) => t.id)).toEqual([pinned, older]);
		expect(open.counts).toEqual({ open: 2, closed: 1, all: 3 });
		expect((await listed(editor, network, 'closed')).threads).toMatchObject([{ id: recent, closed: true }]);
	});

	it('reads a thread with its replies in order, bodies rendered safely, mentions as names', async () => {
		const { facilitator, editor, network } = await createNetworkCast(db);
		const id = await thread(facilitator, network);
		await replyAs(editor, network, id, `Ciao ${mentionToken('Giulia Rinaldi', facilitator.id)} <script>alert(1)</script> **ok**`);
		await replyAs(facilitator, network, id, 'Seconda risposta');
		const read = await as(editor, (tx) => readThread(tx, network.id, id));
		expect(read?.opening).toMatchObject({ id, author: { name: 'Giulia Rinaldi' }, bodyHtml: '<p>Proposta di date.</p>\n' });
		expect(read?.replies.map((m) => m.author.name)).toEqual(['Marco Ferri', 'Giulia Rinaldi']);
		const html = read!.replies[0].bodyHtml;
		expect(html).toContain(`<span class="mention" data-user="${facilitator.id}">@Giulia Rinaldi</span>`);
		expect(html).toContain('&lt;script&gt;');
		expect(html).not.toContain('<script>');
		expect(html).toContain('<strong>ok</strong>');
	});

	it('refuses a reply in a closed thread with the reason, and the database refuses it too', async () => {
		const { facilitator, editor, network } = await createNetworkCast(db);
		const id = await thread(editor, network);
		// The author may close their own thread.
		expect(await as(editor, (tx) => setClosed(tx, network.id, id, true))).toBe(true);
		const read = await as(facilitator, (tx) => readThread(tx, network.id, id));
		expect(read).toMatchObject({ closed: true, closedByName: 'Marco Ferri' });

		expect(await as(facilitator, (tx) => reply(tx, network.id, id, 'Ancora una cosa'))).toEqual({ refused: 'discussions.closedRefused' });
		// Going around the explanation changes nothing: the policy is the rule.
		await expect(
			as(facilitator, (tx) =>
				tx.query('insert into public.thread_messages (thread_id, network_id, body) values ($1, $2, $3)', [id, network.id, 'x'])
			)
		).rejects.toMatchObject({ code: '42501' });

		expect(await as(facilitator, (tx) => setClosed(tx, network.id, id, false))).toBe(true);
		expect(await as(facilitator, (tx) => reply(tx, network.id, id, 'Riaperta'))).toHaveProperty('ok');
	});

	it('tells a viewer they read only, and hides everything from another network’s member', async () => {
		const { facilitator, viewer, outsider, network } = await createNetworkCast(db);
		const id = await thread(facilitator, network);
		expect(await as(viewer, (tx) => reply(tx, network.id, id, 'Posso?'))).toEqual({ refused: 'discussions.viewerRefused' });
		await expect(as(viewer, (tx) => startThread(tx, network.id, { title: 'Mia', body: 'x', document: null }))).rejects.toMatchObject({
			code: '42501'
		});
		expect(await as(outsider, (tx) => listThreads(tx, network.id, { filter: 'all', limit: 50 }))).toMatchObject({
			threads: [],
			counts: { all: 0 }
		});
		expect(await as(outsider, (tx) => readThread(tx, network.id, id))).toBeNull();
		expect(await as(outsider, (tx) => reply(tx, network.id, id, 'Intruso'))).toEqual({ refused: 'discussions.notFound' });
	});

	it('refuses a linked document from another network', async () => {
		const { facilitator, outsider, network, elsewhere } = await createNetworkCast(db);
		const foreign = await createDocument(db, elsewhere, outsider);
		expect(
			await as(facilitator, (tx) => startThread(tx, network.id, { title: 'Con documento', body: 'x', document: foreign.id }))
		).toEqual({ refused: 'discussions.documentInvalid' });
	});

	it('lets only facilitators pin and delete, and the author or a facilitator close', async () => {
		const { facilitator, editor, commenter, network } = await createNetworkCast(db);
		const id = await thread(commenter, network);
		// Not the author, not a facilitator: the policy hides the thread from the change.
		expect(await as(editor, (tx) => setClosed(tx, network.id, id, true))).toBe(false);
		// The author may close but not pin: the trigger says no.
		await expect(as(commenter, (tx) => setPinned(tx, network.id, id, true))).rejects.toMatchObject({ code: '42501' });
		expect(await as(commenter, (tx) => deleteThread(tx, network.id, id))).toBe(false);
		expect(await as(facilitator, (tx) => deleteThread(tx, network.id, id))).toBe(true);
		expect(await as(facilitator, (tx) => readThread(tx, network.id, id))).toBeNull();
	});

	it('refuses an over-long body with the limit message, counting line breaks once, and so does the database', async () => {
		const tooLong = replySchema.safeParse({ body: 'a'.repeat(BODY_MAX + 1) });
		expect(tooLong.success).toBe(false);
		expect(tooLong.error?.issues[0].message).toBe('discussions.bodyLength');
		// A browser sends each line break as CRLF; the person typed one character.
		const lines = `${'a'.repeat(99)}\r\n`.repeat(BODY_MAX / 100);
		expect(replySchema.safeParse({ body: lines }).success).toBe(true);
		expect(replySchema.safeParse({ body: '   \r\n ' }).error?.issues[0].message).toBe('discussions.bodyRequired');

		const { facilitator, network } = await createNetworkCast(db);
		const id = await thread(facilitator, network);
		await expect(as(facilitator, (tx) => reply(tx, network.id, id, 'a'.repeat(BODY_MAX + 1)))).rejects.toMatchObject({ code: '23514' });
	});

	it('refuses a burst of posts from one account with the posting-too-fast message', async () => {
		const { facilitator, editor, network } = await createNetworkCast(db);
		const id = await thread(facilitator, network);
		// Twelve posts a minute are allowed; the thirteenth is refused.
		for (let i = 0; i < 12; i++) await replyAs(editor, network, id, `Risposta ${i + 1}`);
		const refused = await as(editor, (tx) => reply(tx, network.id, id, 'Una di troppo')).catch((error: unknown) => error);
		expect(refusalKey(refused)).toBe('errors.posting_too_fast');
		// Others are not slowed down by one person's burst.
		expect(await as(facilitator, (tx) => reply(tx, network.id, id, 'Io posso ancora'))).toHaveProperty('ok');
	});
});
