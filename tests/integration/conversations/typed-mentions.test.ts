import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../databases.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { mentionToken } from '../../../src/lib/mentions.ts';
import { withMentions } from '../../../src/lib/server/mentions.ts';
import { startThread as postThread } from '../../../src/lib/server/discussions/posting.ts';
import { addMember, createUser, type TestUser } from '../factories.ts';
import { commentOn, createCast, notificationsFrom, type Cast } from './scene.ts';

// Names typed after an @ (src/lib/server/mentions.ts), as the forms post
// them: written as mentions of the network's members the poster can see,
// and the database telling only members (mentioned_members()).

describe.each(backends)('typed mentions on $name', (backend) => {
	let db: Database;

	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	/** Starts a thread as `author` the way the discussions form does; returns the stored body. */
	async function post(cast: Cast, author: TestUser, typed: string, chosen: string[] = []): Promise<string> {
		return withUser(db, author.claims, async (tx) => {
			const body = await withMentions(tx, cast.network.id, typed, chosen);
			const started = await postThread(tx, cast.network.id, { title: 'Calendario', body, document: null });
			if (!('ok' in started)) throw new Error(started.refused);
			return body;
		});
	}

	it("tells a member whose exact name follows an @, and writes the body with her mention", async () => {
		const cast = await createCast(db);
		let body = '';
		const { told } = await notificationsFrom(db, async () => {
			body = await post(cast, cast.editor, 'Ciao @Anna Colombo, ci vediamo giovedì?');
		});
		expect(told).toEqual([[cast.commenter.id, 'mention']]);
		expect(body).toBe(`Ciao ${mentionToken('Anna Colombo', cast.commenter.id)}, ci vediamo giovedì?`);
	});

	it('leaves the name of someone outside the network as text, even with her id sent as chosen', async () => {
		const cast = await createCast(db);
		let body = '';
		const { told } = await notificationsFrom(db, async () => {
			body = await post(cast, cast.editor, 'Sentiamo @Olga Altrove?', [cast.outsider.id]);
		});
		expect(told).toEqual([]);
		expect(body).toBe('Sentiamo @Olga Altrove?');
	});

	it('of two members with the same name tells the one chosen, or both when the name was typed by hand', async () => {
		const cast = await createCast(db);
		const namesake = await createUser(db, { displayName: 'Anna Colombo', organisation: 'ASL Frosinone' });
		await addMember(db, cast.network, namesake, 'viewer');
		const chosen = await notificationsFrom(db, () => post(cast, cast.editor, '@Anna Colombo, la delibera?', [namesake.id]));
		expect(chosen.told).toEqual([[namesake.id, 'mention']]);
		const typed = await notificationsFrom(db, () => post(cast, cast.editor, '@Anna Colombo, e la sala?'));
		expect(typed.told).toEqual([[cast.commenter.id, 'mention'], [namesake.id, 'mention']].sort());
	});

	it('sees no member for someone outside the network: their row-level security shows them none', async () => {
		const cast = await createCast(db);
		const read = await withUser(db, cast.outsider.claims, (tx) => withMentions(tx, cast.network.id, '@Anna Colombo', []));
		expect(read).toBe('@Anna Colombo');
	});

	it('limits a body by its length as read, mentions counted as @Name, so a full box with mentions is stored', async () => {
		const cast = await createCast(db);
		const mention = mentionToken('Anna Colombo', cast.commenter.id);
		const readable = '@Anna Colombo'.length;
		const full = `${mention} ${'a'.repeat(5000 - readable - 1)}`;
		await expect(commentOn(db, cast.editor, cast.document, { body: full })).resolves.toBeDefined();
		await expect(commentOn(db, cast.editor, cast.document, { body: `${full}a` })).rejects.toMatchObject({ code: '23514' });
	});
});
