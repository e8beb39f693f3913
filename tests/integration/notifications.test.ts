import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { addMember, createDocument, createNetwork, createUser, type TestNetwork, type TestUser } from './factories.ts';
import { contribute, postComment, postMessage, postThread } from './conversation-scene.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { mentionToken } from '../../src/lib/mentions.ts';
import {
	countUnread,
	listNotifications,
	markAllRead,
	markRead,
	openNotification,
	readMutedKinds,
	saveMutedKinds
} from '../../src/lib/server/notifications/queries.ts';
import { parseKeyset, type Keyset } from '../../src/lib/server/keyset.ts';
import type { NotificationItem } from '../../src/lib/notifications.ts';

// The inbox's queries, run as each person: the policies show everyone their
// own notifications only, and let them mark only those as read.

describe.each(backends)('notifications as each person, on $name', (backend) => {
	let db: Database;
	let giulia: TestUser;
	let marco: TestUser;
	let anna: TestUser;
	let paolo: TestUser;
	let outsider: TestUser;
	let stranger: TestUser;
	let network: TestNetwork;
	let thread: string;
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);
	const mentionOf = (user: TestUser, name: string) => mentionToken(name, user.id);

	/** Every notification a person can see, following the pages to the end. */
	async function everything(user: TestUser, options: { unreadOnly?: boolean } = {}) {
		const items: NotificationItem[] = [];
		let before: Keyset | null = null;
		for (let pages = 0; pages < 100; pages++) {
			const page = await as(user, (tx) => listNotifications(tx, { ...options, before }));
			items.push(...page.items);
			if (!page.next) return items;
			before = parseKeyset(page.next);
		}
		throw new Error('the pages never end');
	}

	beforeAll(async () => {
		db = await backend.fresh();
		giulia = await createUser(db, { displayName: 'Giulia Rinaldi' });
		marco = await createUser(db, { displayName: 'Marco Ferri' });
		anna = await createUser(db, { displayName: 'Anna Colombo' });
		paolo = await createUser(db, { displayName: 'Paolo De Santis' });
		outsider = await createUser(db, { displayName: 'Esterno' });
		stranger = await createUser(db, { displayName: 'Nessuna rete' });
		network = await createNetwork(db, giulia, { name: 'Rete Frosinone' });
		await createNetwork(db, outsider);
		await addMember(db, network, marco, 'editor');
		await addMember(db, network, anna, 'commenter');
		await addMember(db, network, paolo, 'viewer');
		thread = await postThread(db, network, marco, { title: 'Calendario del tavolo' });
	});
	afterAll(() => db?.close());

	it('counts each person’s own unread notifications, and none for anyone else', async () => {
		await postMessage(db, thread, network, marco, `Ci vediamo lunedì, ${mentionOf(anna, 'Anna Colombo')} e ${mentionOf(paolo, 'Paolo')}?`);
		expect(await as(anna, countUnread)).toBe(1);
		expect(await as(paolo, countUnread)).toBe(1);
		for (const person of [giulia, marco, outsider, stranger]) expect(await as(person, countUnread)).toBe(0);
		expect(await as(outsider, (tx) => listNotifications(tx))).toEqual({ items: [], next: null });
	});

	it('says who, what, where and the start of what was written', async () => {
		const [item] = (await as(anna, (tx) => listNotifications(tx))).items;
		expect(item).toMatchObject({
			kind: 'mention',
			actorName: 'Marco Ferri',
			networkId: network.id,
			networkName: 'Rete Frosinone',
			about: 'thread',
			title: 'Calendario del tavolo',
			excerpt: 'Ci vediamo lunedì, @Anna Colombo e @Paolo?',
			read: false
		});
		expect(new Date(item.createdAt).getTime()).not.toBeNaN();
	});

	it('ends an excerpt the database cut short with an ellipsis, and only that one', async () => {
		const long = `${mentionOf(paolo, 'Paolo')} ${'parola '.repeat(60)}fine`;
		await postMessage(db, thread, network, marco, long);
		await postMessage(db, thread, network, marco, `${mentionOf(paolo, 'Paolo')} ${'x'.repeat(192)}`);
		const [exact, cut] = (await as(paolo, (tx) => listNotifications(tx, { unreadOnly: true }))).items;
		expect(cut.excerpt).toMatch(/^@Paolo parola .*…$/);
		expect(cut.excerpt).toHaveLength(201);
		expect(cut.excerpt).not.toContain('fine');
		// 199 characters: whole, so nothing is added.
		expect(exact.excerpt).toBe(`@Paolo ${'x'.repeat(192)}`);
		for (const item of [exact, cut]) await as(paolo, (tx) => markRead(tx, item.id));
	});

	it('pages through many notifications made at the same instant, newest first, each exactly once', async () => {
		// One transaction: all 23 rows share one created_at, and only the id orders them.
		await db.transaction(async (tx) => {
			for (let i = 0; i < 23; i++) await postMessage(tx, thread, network, marco, `${mentionOf(anna, 'Anna')} punto ${i}`);
		});
		const all = await everything(anna);
		const paged = [];
		let before: Keyset | null = null;
		do {
			const page = await as(anna, (tx) => listNotifications(tx, { before, limit: 5 }));
			expect(page.items.length).toBeLessThanOrEqual(5);
			paged.push(...page.items);
			before = page.next ? parseKeyset(page.next) : null;
		} while (before);
		expect(paged).toHaveLength(24);
		expect(new Set(paged.map((n) => n.id)).size).toBe(24);
		expect(paged.map((n) => n.id)).toEqual(all.map((n) => n.id));
		// Newest first: the first message's notification comes last.
		expect(paged.at(-1)?.excerpt).toBe('Ci vediamo lunedì, @Anna Colombo e @Paolo?');
		const times = paged.map((n) => new Date(n.createdAt).getTime());
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		expect(await as(anna, countUnread)).toBe(24);
	});

	it('marks one read for its recipient only; anyone else’s attempt changes nothing', async () => {
		const [first, second] = (await as(anna, (tx) => listNotifications(tx))).items;
		expect(await as(marco, (tx) => markRead(tx, first.id))).toBe(false);
		expect(await as(paolo, (tx) => markRead(tx, first.id))).toBe(false);
		expect(await as(anna, countUnread)).toBe(24);
		expect(await as(anna, (tx) => markRead(tx, first.id))).toBe(true);
		expect(await as(anna, countUnread)).toBe(23);
		const unread = await everything(anna, { unreadOnly: true });
		expect(unread).toHaveLength(23);
		expect(unread.map((n) => n.id)).not.toContain(first.id);
		expect(unread[0].id).toBe(second.id);
		const [shown] = (await as(anna, (tx) => listNotifications(tx))).items;
		expect(shown).toMatchObject({ id: first.id, read: true });
	});

	it('marks all read for the person who asks, leaving everyone else’s unread', async () => {
		expect(await as(paolo, countUnread)).toBe(1);
		expect(await as(marco, markAllRead)).toBe(0);
		expect(await as(paolo, markAllRead)).toBe(1);
		expect(await as(paolo, countUnread)).toBe(0);
		expect(await as(anna, countUnread)).toBe(23);
		expect(await as(anna, markAllRead)).toBe(23);
		expect(await as(anna, countUnread)).toBe(0);
	});

	it('opens a notification at the message it is about, marking it read, for its recipient only', async () => {
		const message = await postMessage(db, thread, network, giulia, `${mentionOf(anna, 'Anna')} ecco il verbale`);
		const [item] = (await as(anna, (tx) => listNotifications(tx, { unreadOnly: true }))).items;
		expect(await as(marco, (tx) => openNotification(tx, item.id))).toBeNull();
		expect(await as(anna, countUnread)).toBe(1);
		expect(await as(anna, (tx) => openNotification(tx, item.id))).toEqual({
			kind: item.kind,
			networkId: network.id,
			threadId: thread,
			messageId: message,
			documentId: null,
			commentId: null,
			entryId: null,
			documentKind: null,
			planActionId: null
		});
		expect(await as(anna, countUnread)).toBe(0);
		// Opening it again still leads there.
		expect(await as(anna, (tx) => openNotification(tx, item.id))).toMatchObject({ messageId: message });
	});

	it('tells whoever wrote in a document about a comment on it, pointing at the comment', async () => {
		const document = await createDocument(db, network, giulia, { title: 'Mappatura dei servizi' });
		await contribute(db, document, marco);
		const comment = await postComment(db, document, anna, 'Manca il SerD.');
		const [forMarco] = (await as(marco, (tx) => listNotifications(tx))).items;
		expect(forMarco).toMatchObject({ kind: 'comment', about: 'document', title: 'Mappatura dei servizi', actorName: 'Anna Colombo' });
		expect(await as(marco, (tx) => openNotification(tx, forMarco.id))).toEqual({
			kind: 'comment',
			networkId: network.id,
			threadId: null,
			messageId: null,
			documentId: document.id,
			commentId: comment,
			entryId: null,
			documentKind: null,
			planActionId: null
		});
		// The document's creator is told too; the commenter is not told of her own comment.
		expect((await as(giulia, (tx) => listNotifications(tx))).items[0]).toMatchObject({ kind: 'comment' });
		expect(await as(anna, countUnread)).toBe(0);
	});

	it('keeps each person’s muted kinds, replaced on every save, and sends no notification of a muted kind', async () => {
		expect(await as(anna, readMutedKinds)).toEqual([]);
		await as(anna, (tx) => saveMutedKinds(tx, ['mention']));
		expect(await as(anna, readMutedKinds)).toEqual(['mention']);
		await as(anna, (tx) => saveMutedKinds(tx, ['comment', 'reply']));
		expect(await as(anna, readMutedKinds)).toEqual(['reply', 'comment']);
		expect(await as(marco, readMutedKinds)).toEqual([]);
		expect(await as(stranger, readMutedKinds)).toEqual([]);

		await as(anna, (tx) => saveMutedKinds(tx, ['mention']));
		await postMessage(db, thread, network, marco, `${mentionOf(anna, 'Anna')} ci sei?`);
		expect(await as(anna, countUnread)).toBe(0);
		await as(anna, (tx) => saveMutedKinds(tx, []));
		await postMessage(db, thread, network, marco, `${mentionOf(anna, 'Anna')} ci sei adesso?`);
		expect(await as(anna, countUnread)).toBe(1);
	});

	it('lets a person in no network keep settings too', async () => {
		await as(stranger, (tx) => saveMutedKinds(tx, ['reply']));
		expect(await as(stranger, readMutedKinds)).toEqual(['reply']);
		expect(await as(stranger, countUnread)).toBe(0);
	});

	it('stops showing a network’s notifications to someone who has left it', async () => {
		await postMessage(db, thread, network, marco, `${mentionOf(paolo, 'Paolo')} ti aggiorno`);
		expect(await as(paolo, countUnread)).toBe(1);
		await as(paolo, (tx) => tx.query('delete from public.memberships where network_id = $1 and user_id = $2', [network.id, paolo.id]));
		expect(await as(paolo, countUnread)).toBe(0);
		expect((await as(paolo, (tx) => listNotifications(tx))).items).toEqual([]);
	});
});
