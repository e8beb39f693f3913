import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../databases.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import { refusalKey } from '../../../src/lib/server/db/errors.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import type { TestUser } from '../factories.ts';
import { commentOn, createCast, replyInThread, replyToComment, startThread, type Cast, type Comment, type Thread } from './scene.ts';

// What the database keeps straight when people post: the rate limit across
// every kind of post, a thread's counters, and who closed or resolved what.

describe.each(backends)('posting on $name', (backend) => {
	let db: Database;

	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	/** How many of each kind of post `user` has stored. */
	async function postsBy(user: TestUser) {
		const { rows } = await db.query<{ threads: number; messages: number; comments: number; replies: number }>(
			`select (select count(*)::int from public.threads where author_id = $1) as threads,
			        (select count(*)::int from public.thread_messages where author_id = $1) as messages,
			        (select count(*)::int from public.comments where author_id = $1) as comments,
			        (select count(*)::int from public.comment_replies where author_id = $1) as replies`,
			[user.id]
		);
		return rows[0];
	}

	/** A thread and a comment by the facilitator, for others to reply to. */
	const conversationsOf = async (cast: Cast) => ({
		thread: await startThread(db, cast.facilitator, cast.network),
		comment: await commentOn(db, cast.facilitator, cast.document)
	});

	/** One post of each kind by `author`. */
	function postingAs(cast: Cast, author: TestUser, on: { thread: Thread; comment: Comment }) {
		return [
			() => startThread(db, author, cast.network),
			() => replyInThread(db, author, on.thread),
			() => commentOn(db, author, cast.document),
			() => replyToComment(db, author, on.comment)
		];
	}

	describe('the rate limit', () => {
		it('refuses a 13th post within a minute, whatever its kind, with rate_limited, and stores nothing of it', async () => {
			const cast = await createCast(db);
			const on = await conversationsOf(cast);
			const posts = postingAs(cast, cast.commenter, on);
			for (let round = 0; round < 3; round++) for (const post of posts) await post();
			expect(await postsBy(cast.commenter)).toEqual({ threads: 3, messages: 3, comments: 3, replies: 3 });
			const activityBefore = await db.query('select id from public.activity where actor_id = $1', [cast.commenter.id]);

			for (const post of posts) {
				const refusal = await post().then(
					() => null,
					(error: unknown) => error
				);
				expect(refusal).toMatchObject({ code: 'P0001', message: 'rate_limited' });
				expect(refusalKey(refusal)).toBe('errors.posting_too_fast');
			}
			expect(await postsBy(cast.commenter)).toEqual({ threads: 3, messages: 3, comments: 3, replies: 3 });
			const activityAfter = await db.query('select id from public.activity where actor_id = $1', [cast.commenter.id]);
			expect(activityAfter.rows).toHaveLength(activityBefore.rows.length);
		});

		it('counts each account on its own', async () => {
			const cast = await createCast(db);
			const on = await conversationsOf(cast);
			for (let i = 0; i < 12; i++) await replyInThread(db, cast.commenter, on.thread);
			await expect(replyInThread(db, cast.commenter, on.thread)).rejects.toThrow('rate_limited');
			for (const post of postingAs(cast, cast.editor, on)) await post();
			expect(await postsBy(cast.editor)).toEqual({ threads: 1, messages: 1, comments: 1, replies: 1 });
		});

		it('does not limit the service, which has no claims', async () => {
			const cast = await createCast(db);
			for (let i = 0; i < 15; i++) {
				await db.query('insert into public.threads (network_id, title, body, author_id) values ($1, $2, $3, $4)', [
					cast.network.id,
					`Importato ${i + 1}`,
					'Dal verbale precedente.',
					cast.editor.id
				]);
			}
			expect((await postsBy(cast.editor)).threads).toBe(15);
		});
	});

	describe('a thread', () => {
		const stateOf = async (threadId: string) =>
			(
				await db.query<{
					message_count: number;
					last_message_at: Date;
					created_at: Date;
					closed: boolean;
					closed_at: Date | null;
					closed_by: string | null;
				}>('select message_count, last_message_at, created_at, closed, closed_at, closed_by from public.threads where id = $1', [threadId])
			).rows[0];

		it('counts its replies and knows when the last one came', async () => {
			const cast = await createCast(db);
			const thread = await startThread(db, cast.facilitator, cast.network);
			const fresh = await stateOf(thread.id);
			expect(fresh.message_count).toBe(0);
			expect(fresh.last_message_at).toEqual(fresh.created_at);
			await replyInThread(db, cast.editor, thread);
			const last = await replyInThread(db, cast.commenter, thread);
			const { rows } = await db.query<{ created_at: Date }>('select created_at from public.thread_messages where id = $1', [last]);
			const replied = await stateOf(thread.id);
			expect(replied.message_count).toBe(2);
			expect(replied.last_message_at).toEqual(rows[0].created_at);
		});

		it('records who closed it and when, and forgets both when it is reopened', async () => {
			const cast = await createCast(db);
			const thread = await startThread(db, cast.editor, cast.network);
			const setClosed = (user: TestUser, closed: boolean) =>
				withUser(db, user.claims, (tx) => tx.query('update public.threads set closed = $2 where id = $1', [thread.id, closed]));
			await setClosed(cast.facilitator, true);
			const closed = await stateOf(thread.id);
			expect(closed).toMatchObject({ closed: true, closed_by: cast.facilitator.id });
			expect(closed.closed_at).toBeInstanceOf(Date);
			await setClosed(cast.editor, false);
			expect(await stateOf(thread.id)).toMatchObject({ closed: false, closed_at: null, closed_by: null });
		});

		it("is pinned by a facilitator only, even when its author may otherwise change it", async () => {
			const cast = await createCast(db);
			const thread = await startThread(db, cast.editor, cast.network);
			const pin = (user: TestUser) =>
				withUser(db, user.claims, (tx) => tx.query('update public.threads set pinned = true where id = $1', [thread.id]));
			await expect(pin(cast.editor)).rejects.toMatchObject({ code: '42501', message: 'forbidden' });
			await pin(cast.facilitator);
			const { rows } = await db.query('select pinned from public.threads where id = $1', [thread.id]);
			expect(rows).toEqual([{ pinned: true }]);
		});
	});

	describe('a comment', () => {
		it('records who resolved it and when, and forgets both when it is reopened', async () => {
			const cast = await createCast(db);
			const comment = await commentOn(db, cast.commenter, cast.document);
			const setResolved = (user: TestUser, resolved: boolean) =>
				withUser(db, user.claims, (tx) => tx.query('update public.comments set resolved = $2 where id = $1', [comment.id, resolved]));
			const stateOf = async () =>
				(
					await db.query<{ resolved: boolean; resolved_at: Date | null; resolved_by: string | null }>(
						'select resolved, resolved_at, resolved_by from public.comments where id = $1',
						[comment.id]
					)
				).rows[0];
			await setResolved(cast.editor, true);
			const resolved = await stateOf();
			expect(resolved).toMatchObject({ resolved: true, resolved_by: cast.editor.id });
			expect(resolved.resolved_at).toBeInstanceOf(Date);
			await setResolved(cast.commenter, false);
			expect(await stateOf()).toEqual({ resolved: false, resolved_at: null, resolved_by: null });
		});

		it('is refused on a document of a network the person is not in', async () => {
			const cast = await createCast(db);
			const refusal = await commentOn(db, cast.outsider, cast.document).catch((error: unknown) => error);
			expect(refusalKey(refusal)).toBe('errors.not_allowed');
			const { rows } = await db.query('select 1 from public.comments where document_id = $1', [cast.document.id]);
			expect(rows).toHaveLength(0);
			// Nor under the network the person is in, naming the other network's document.
			const smuggled = await withUser(db, cast.outsider.claims, (tx) =>
				tx.query(
					`insert into public.comments (id, document_id, network_id, body, quote, anchor_from, anchor_to)
					 values ($1, $2, $3, 'x', 'y', '\\x01', '\\x01')`,
					[randomUUID(), cast.document.id, cast.elsewhere.id]
				)
			).catch((error: unknown) => error);
			expect(refusalKey(smuggled)).toBe('errors.not_allowed');
		});
	});
});
