import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../databases.ts';
import { eventually } from '../collab/harness.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { CHANNEL, createLiveHub, type LiveHub } from '../../../src/lib/server/live/hub.ts';
import type { LiveEvent } from '../../../src/lib/live.ts';
import { mentionToken } from '../../../src/lib/mentions.ts';
import type { TestUser } from '../factories.ts';
import { createCast, startThread } from '../conversations/scene.ts';

// createLiveHub fanning real database announcements out to open pages: a
// network's activity to the pages open on it, a notification to every page
// of its recipient, "you left" to the page of whoever left, and "resync" to
// everyone after the connection to the database came back.

/** An open page as the hub sees it, keeping what it was sent. */
function openPage(hub: LiveHub, user: TestUser, networkId: string | null) {
	const page = {
		events: [] as LiveEvent[],
		revoked: 0,
		close: () => {}
	};
	page.close = hub.subscribe({
		userId: user.id,
		networkId,
		send: (event) => page.events.push(event),
		revoked: () => page.revoked++
	});
	return page;
}

type Page = ReturnType<typeof openPage>;

describe.each(backends)('the live hub on $name', (backend) => {
	let db: Database;
	let hub: LiveHub;

	beforeAll(async () => {
		db = await backend.fresh();
		hub = createLiveHub(db);
		await hub.start();
	});
	afterAll(async () => {
		await hub?.close();
		await db?.close();
	});

	/**
	 * What each page has been sent, up to an empty payload sent now (what the
	 * listener delivers after a reconnection), which sends every page a
	 * resync. It arrives after everything committed before it, so once every
	 * page has it, anything missing was never sent.
	 */
	async function sentSoFar(pages: Page[]): Promise<LiveEvent[][]> {
		await db.query('select pg_notify($1, $2)', [CHANNEL, '']);
		await eventually(() => expect(pages.every((page) => page.events.at(-1)?.type === 'resync')).toBe(true));
		return pages.map((page) => page.events.splice(0).slice(0, -1));
	}

	/** What each page was sent by `act` alone. */
	async function sentDuring(pages: Page[], act: () => Promise<unknown>): Promise<LiveEvent[][]> {
		await sentSoFar(pages);
		await act();
		return sentSoFar(pages);
	}

	it("sends a network's activity only to the pages open on that network", async () => {
		const cast = await createCast(db);
		const pages = [
			openPage(hub, cast.editor, cast.network.id),
			openPage(hub, cast.commenter, null),
			openPage(hub, cast.outsider, cast.elsewhere.id)
		];
		let thread = { id: '' };
		const [onNetwork, elsewhereInApp, onOtherNetwork] = await sentDuring(pages, async () => {
			thread = await startThread(db, cast.editor, cast.network);
		});
		expect(onNetwork).toEqual([
			{ type: 'activity', network: cast.network.id, action: 'thread_started', subject: thread.id, actor: cast.editor.id }
		]);
		expect(elsewhereInApp).toEqual([]);
		expect(onOtherNetwork).toEqual([]);
		for (const page of pages) page.close();
	});

	it('sends a notification to every open page of its recipient, and to nobody else', async () => {
		const cast = await createCast(db);
		const pages = [
			openPage(hub, cast.viewer, cast.network.id),
			openPage(hub, cast.viewer, null),
			openPage(hub, cast.commenter, cast.network.id)
		];
		const [viewerOnNetwork, viewerElsewhere, commenter] = await sentDuring(pages, () =>
			startThread(db, cast.editor, cast.network, { body: `${mentionToken('Paolo', cast.viewer.id)}, ci sei?` })
		);
		expect(viewerOnNetwork.map((event) => event.type).sort()).toEqual(['activity', 'notification']);
		expect(viewerElsewhere).toEqual([{ type: 'notification' }]);
		expect(commenter.map((event) => event.type)).toEqual(['activity']);
		for (const page of pages) page.close();
	});

	it('revokes the pages of a member removed from the network, or who left it, and tells the others', async () => {
		const cast = await createCast(db);
		const viewer = openPage(hub, cast.viewer, cast.network.id);
		const viewerElsewhere = openPage(hub, cast.viewer, null);
		const commenter = openPage(hub, cast.commenter, cast.network.id);
		const leave = (actor: TestUser, member: TestUser) =>
			withUser(db, actor.claims, (tx) =>
				tx.query('delete from public.memberships where network_id = $1 and user_id = $2', [cast.network.id, member.id])
			);

		const [toViewer, toViewerElsewhere, toCommenter] = await sentDuring([viewer, viewerElsewhere, commenter], () =>
			leave(cast.facilitator, cast.viewer)
		);
		expect([viewer.revoked, viewerElsewhere.revoked, commenter.revoked]).toEqual([1, 0, 0]);
		expect(toViewer).toEqual([]);
		expect(toViewerElsewhere).toEqual([]);
		expect(toCommenter).toEqual([
			{ type: 'activity', network: cast.network.id, action: 'member_removed', subject: cast.viewer.id, actor: cast.facilitator.id }
		]);

		viewer.close();
		await sentDuring([commenter], () => leave(cast.commenter, cast.commenter));
		expect(commenter.revoked).toBe(1);
		viewerElsewhere.close();
		commenter.close();
	});

	it('tells every page to resync when events may have been missed, and ignores what it cannot read', async () => {
		const cast = await createCast(db);
		const pages = [openPage(hub, cast.editor, cast.network.id), openPage(hub, cast.viewer, null)];
		const sent = await sentDuring(pages, () => db.query('select pg_notify($1, $2)', [CHANNEL, 'not json']));
		expect(sent).toEqual([[], []]);
		await db.query('select pg_notify($1, $2)', [CHANNEL, '']);
		await eventually(() => expect(pages.map((page) => page.events)).toEqual([[{ type: 'resync' }], [{ type: 'resync' }]]));
		for (const page of pages) page.close();
	});

	it('sends nothing more to a page once it is closed, and counts the pages open', async () => {
		const cast = await createCast(db);
		const before = hub.size;
		const closed = openPage(hub, cast.editor, cast.network.id);
		const open = openPage(hub, cast.facilitator, cast.network.id);
		expect(hub.size).toBe(before + 2);
		closed.close();
		expect(hub.size).toBe(before + 1);
		const [toOpen] = await sentDuring([open], () => startThread(db, cast.editor, cast.network));
		expect(toOpen.map((event) => event.type)).toEqual(['activity']);
		expect(closed.events).toEqual([]);
		open.close();
		expect(hub.size).toBe(before);
	});

	it('can be started again after starting failed, as when the database was not reachable yet', async () => {
		let attempts = 0;
		const flaky: Database = {
			...db,
			listen(channel, onPayload) {
				attempts++;
				return attempts === 1 ? Promise.reject(new Error('connection refused')) : db.listen(channel, onPayload);
			}
		};
		const second = createLiveHub(flaky);
		await expect(second.start()).rejects.toThrow('connection refused');
		await second.start();
		const cast = await createCast(db);
		const page = openPage(second, cast.editor, cast.network.id);
		const thread = await startThread(db, cast.editor, cast.network);
		await eventually(() => expect(page.events).toContainEqual(expect.objectContaining({ action: 'thread_started', subject: thread.id })));
		page.close();
		await second.close();
	});
});
