import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { backends } from '../databases.ts';
import { addMember, createUser, type TestUser } from '../factories.ts';
import { anchorsOf, commentOn, createCast, notificationsFrom, startThread } from './scene.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { mentionToken } from '../../../src/lib/mentions.ts';
import { commentAction, replyAction } from '../../../src/lib/server/comments/actions.ts';
import { addComment } from '../../../src/lib/server/comments/queries.ts';
import { commentSchema } from '../../../src/lib/server/comments/schemas.ts';
import { actions as threadActions } from '../../../src/routes/networks/[id]/discussions/[threadId]/+page.server.ts';

// The forms that post a message or a comment, as a browser sends them with
// or without JavaScript: the box's text with names (@Anna Colombo) and the
// composer's hidden field of the members chosen from its suggestions.

type Params = Record<string, string>;
type Action = (event: RequestEvent<Params>) => Promise<unknown>;

describe.each(backends)('mentions posted through the forms, on $name', (backend) => {
	let db: Database;

	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	function post(action: Action, person: TestUser, params: Params, fields: Record<string, string>) {
		const form = new FormData();
		for (const [name, value] of Object.entries(fields)) form.set(name, value);
		return action({
			request: new Request('http://trama.test/', { method: 'POST', body: form }),
			locals: { db: <T>(fn: Parameters<typeof withUser<T>>[2]) => withUser(db, person.claims, fn) },
			params
		} as unknown as RequestEvent<Params>);
	}

	const stored = async (table: 'thread_messages' | 'comments' | 'comment_replies') =>
		(await db.query<{ body: string }>(`select body from public.${table} order by created_at desc limit 1`)).rows[0].body;

	it("a reply in a discussion naming a member after an @ tells her, with no suggestion chosen", async () => {
		const cast = await createCast(db);
		const thread = await startThread(db, cast.facilitator, cast.network);
		const { told } = await notificationsFrom(db, () =>
			post(threadActions.reply as Action, cast.editor, { id: cast.network.id, threadId: thread.id }, { body: 'Ci pensa @Anna Colombo.' })
		);
		expect(told).toEqual([[cast.commenter.id, 'mention'], [cast.facilitator.id, 'reply']].sort());
		expect(await stored('thread_messages')).toBe(`Ci pensa ${mentionToken('Anna Colombo', cast.commenter.id)}.`);
	});

	it('a comment mentions the namesake chosen from the suggestions, and only her', async () => {
		const cast = await createCast(db);
		const namesake = await createUser(db, { displayName: 'Anna Colombo', organisation: 'ASL Frosinone' });
		await addMember(db, cast.network, namesake, 'commenter');
		const quote = 'i partner si impegnano';
		const { from, to } = anchorsOf(quote);
		const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
		const { told } = await notificationsFrom(db, () =>
			post(
				commentAction(commentSchema, addComment) as Action,
				cast.editor,
				{ id: cast.network.id, docId: cast.document.id },
				{ body: '@Anna Colombo, per l’ASL va bene?', mentions: namesake.id, quote, anchorFrom: base64(from), anchorTo: base64(to) }
			)
		);
		expect(told.filter(([, kind]) => kind === 'mention')).toEqual([[namesake.id, 'mention']]);
		expect(await stored('comments')).toBe(`${mentionToken('Anna Colombo', namesake.id)}, per l’ASL va bene?`);
	});

	it('a reply to a comment mentions by name too', async () => {
		const cast = await createCast(db);
		const comment = await commentOn(db, cast.facilitator, cast.document);
		const { told } = await notificationsFrom(db, () =>
			post(
				replyAction as Action,
				cast.editor,
				{ id: cast.network.id, docId: cast.document.id },
				{ commentId: comment.id, body: 'Sentiamo @Paolo De Santis' }
			)
		);
		expect(told).toEqual([[cast.facilitator.id, 'reply'], [cast.viewer.id, 'mention']].sort());
	});
});
