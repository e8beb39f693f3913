import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from './databases.ts';
import { createDocument, createNetworkCast, type TestDocument, type TestNetwork, type TestUser } from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import { refusalKey } from '../../src/lib/server/db/errors.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import {
	addComment,
	addEntryComment,
	addReply,
	listComments,
	listEntryComments,
	setResolved
} from '../../src/lib/server/comments/queries.ts';
import { entryCommentViews } from '../../src/lib/server/comments/views.ts';
import { listActivity } from '../../src/lib/server/activity/queries.ts';
import { listNotifications, openNotification } from '../../src/lib/server/notifications/queries.ts';
import { targetPath } from '../../src/lib/server/notifications/target.ts';

// Comments on a territorial map's entries, run as each person: the same
// comments and replies as in the text, kept apart from them, and only ever
// on a map. Who may post, reply and resolve is the policies' decision.

/** A real anchor pair in a text, for the text comments these must stay apart from. */
function anchors() {
	const text = new Y.Doc().getText();
	text.insert(0, 'Servizi del territorio');
	const at = (index: number) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, 0));
	return { anchorFrom: at(0), anchorTo: at(7) };
}

describe.each(backends)('comments on map entries as each person, on $name', (backend) => {
	let db: Database;
	let lead: TestUser;
	let editor: TestUser;
	let commenter: TestUser;
	let viewer: TestUser;
	let outsider: TestUser;
	let network: TestNetwork;
	let other: TestNetwork;
	let map: TestDocument;
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);
	const place = () => ({ networkId: network.id, documentId: map.id });
	const onEntry = (entryId: string, body: string, entryName = 'Centro diurno Il Girasole') => ({ entryId, entryName, body });

	beforeAll(async () => {
		db = await backend.fresh();
		({ facilitator: lead, editor, commenter, viewer, outsider, network, elsewhere: other } = await createNetworkCast(db));
		map = await createDocument(db, network, editor, { kind: 'territorial_map', title: 'Mappatura dei servizi' });
	});
	afterAll(() => db?.close());

	it("lets a commenter comment on an entry, keeping the entry's name as the quote, apart from the text's comments", async () => {
		const entry = randomUUID();
		const inText = await as(editor, (tx) => addComment(tx, place(), { body: 'Nel testo.', quote: 'Servizi', ...anchors() }));
		const id = await as(commenter, (tx) => addEntryComment(tx, place(), onEntry(entry, 'Gli orari del *sabato*?')));
		expect(id).toMatch(/^[0-9a-f-]{36}$/);

		const views = entryCommentViews(await as(viewer, (tx) => listEntryComments(tx, map.id)));
		expect(views.find((c) => c.id === id)).toMatchObject({
			entryId: entry,
			quote: 'Centro diurno Il Girasole',
			html: '<p>Gli orari del <em>sabato</em>?</p>\n',
			author: { id: commenter.id, name: 'Anna Colombo', organisation: 'Comune di Sora' },
			resolved: false,
			replies: []
		});
		expect(views.map((c) => c.id)).not.toContain(inText);
		// The editor's comment layer only ever gets comments it can place in the text.
		const text = await as(viewer, (tx) => listComments(tx, map.id));
		expect(text.comments.map((c) => c.id)).toEqual([inText]);
	});

	it('threads replies under an entry comment and keeps them out of the text’s replies', async () => {
		const entry = randomUUID();
		const id = (await as(commenter, (tx) => addEntryComment(tx, place(), onEntry(entry, 'Quanti posti?'))))!;
		await as(editor, (tx) => addReply(tx, { ...place(), commentId: id }, 'Dodici, da gennaio.'));
		const refused = await as(viewer, (tx) => addReply(tx, { ...place(), commentId: id }, 'Io no')).catch((e: unknown) => e);
		expect(refusalKey(refused)).toBe('errors.not_allowed');

		const view = entryCommentViews(await as(commenter, (tx) => listEntryComments(tx, map.id))).find((c) => c.id === id)!;
		expect(view.replies.map((r) => [r.author.name, r.html])).toEqual([['Marco Ferri', '<p>Dodici, da gennaio.</p>\n']]);
		const text = await as(commenter, (tx) => listComments(tx, map.id));
		expect(text.replies.map((r) => r.commentId)).not.toContain(id);
	});

	it('lets editors and facilitators resolve anybody’s entry comment, and not a viewer', async () => {
		const id = (await as(commenter, (tx) => addEntryComment(tx, place(), onEntry(randomUUID(), 'Da aggiornare.'))))!;
		expect(await as(viewer, (tx) => setResolved(tx, { ...place(), commentId: id }, true))).toBe(false);
		expect(await as(editor, (tx) => setResolved(tx, { ...place(), commentId: id }, true))).toBe(true);
		expect(await as(lead, (tx) => setResolved(tx, { ...place(), commentId: id }, false))).toBe(true);
	});

	it('refuses a viewer by the policies, and leaves nothing behind', async () => {
		const entry = randomUUID();
		const refused = await as(viewer, (tx) => addEntryComment(tx, place(), onEntry(entry, 'Posso?'))).catch((e: unknown) => e);
		expect(refusalKey(refused)).toBe('errors.not_allowed');
		const stored = await as(lead, (tx) => listEntryComments(tx, map.id));
		expect(stored.comments.map((comment) => comment.entryId)).not.toContain(entry);
	});

	it('finds nothing to comment on in another network, whichever network the request names', async () => {
		expect(await as(outsider, (tx) => addEntryComment(tx, place(), onEntry(randomUUID(), 'Dall’esterno')))).toBeNull();
		expect(
			await as(outsider, (tx) => addEntryComment(tx, { networkId: other.id, documentId: map.id }, onEntry(randomUUID(), 'Altra rete')))
		).toBeNull();
		expect((await as(outsider, (tx) => listEntryComments(tx, map.id))).comments).toEqual([]);
	});

	it('finds no items to comment on in a document that has none, and the database refuses one anyway', async () => {
		const plan = await createDocument(db, network, editor, { kind: 'co_design' });
		const planPlace = { networkId: network.id, documentId: plan.id };
		expect(await as(editor, (tx) => addEntryComment(tx, planPlace, onEntry(randomUUID(), 'Qui?')))).toBeNull();
		const refused = await as(editor, (tx) =>
			tx.query(
				`insert into public.comments (document_id, network_id, body, quote, entry_id) values ($1, $2, 'Qui?', 'Voce', $3)`,
				[plan.id, network.id, randomUUID()]
			)
		).catch((e: unknown) => e as Error);
		expect((refused as Error).message).toContain('entry_comment_not_on_map');
	});

	it("lets a commenter comment on a pact's commitment, and links its record and notifications to the commitments page", async () => {
		const pact = await createDocument(db, network, editor, { kind: 'community_pact' });
		const pactPlace = { networkId: network.id, documentId: pact.id };
		const commitment = randomUUID();
		const id = (await as(commenter, (tx) =>
			addEntryComment(tx, pactPlace, onEntry(commitment, 'Quante ore, @[Marco Ferri](mention:' + editor.id + ')?', 'Tutoraggio'))
		))!;
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		const stored = await as(viewer, (tx) => listEntryComments(tx, pact.id));
		expect(stored.comments.map((comment) => [comment.entryId, comment.quote])).toEqual([[commitment, 'Tutoraggio']]);

		const commitments = `/networks/${network.id}/documents/${pact.id}/commitments?commitment=${commitment}&comment=${id}`;
		const { entries: record } = await as(viewer, (tx) => listActivity(tx, network.id, {}, 50));
		expect(record.find((e) => e.details.comment === id)?.href).toBe(commitments);
		const mention = (await as(editor, (tx) => listNotifications(tx))).items.find((n) => n.kind === 'mention')!;
		expect(targetPath((await as(editor, (tx) => openNotification(tx, mention.id)))!)).toBe(commitments);
	});

	it("links the activity record and the notifications of an entry comment to that entry on the map's entries page", async () => {
		const entry = randomUUID();
		const id = (await as(commenter, (tx) => addEntryComment(tx, place(), onEntry(entry, 'Vale anche per @[Marco Ferri](mention:' + editor.id + ')?'))))!;
		await as(editor, (tx) => addReply(tx, { ...place(), commentId: id }, 'Sì.'));
		const entries = `/networks/${network.id}/documents/${map.id}/entries?entry=${entry}&comment=${id}`;

		const { entries: record } = await as(viewer, (tx) => listActivity(tx, network.id, {}, 50));
		const about = record.filter((e) => e.details.comment === id);
		expect(about.map((e) => e.action).sort()).toEqual(['comment_added', 'comment_replied']);
		for (const line of about) expect(line.href).toBe(entries);

		const mention = (await as(editor, (tx) => listNotifications(tx))).items.find((n) => n.kind === 'mention')!;
		const target = await as(editor, (tx) => openNotification(tx, mention.id));
		expect(target).toMatchObject({ commentId: id, entryId: entry });
		expect(targetPath(target!)).toBe(entries);
	});
});
