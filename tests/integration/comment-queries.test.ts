import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from './databases.ts';
import {
	addMember,
	createDocument,
	createNetwork,
	createUser,
	type TestDocument,
	type TestNetwork,
	type TestUser
} from './factories.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import { refusalKey } from '../../src/lib/server/db/errors.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { addComment, addReply, listComments, setResolved, type NewComment } from '../../src/lib/server/comments/queries.ts';
import { commentViews } from '../../src/lib/server/comments/views.ts';
import { recordVisit } from '../../src/lib/server/visits.ts';

// The comment panel's queries, run as each person: who may post, reply,
// resolve and reopen is decided by the policies, never by the query.

/** A real anchor pair, as the editor encodes it: the first `length` characters of a text. */
function anchors(length: number): Pick<NewComment, 'anchorFrom' | 'anchorTo'> {
	const text = new Y.Doc().getText();
	text.insert(0, 'Il Comune mette a disposizione una sala.');
	return {
		anchorFrom: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 0, 0)),
		anchorTo: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, length, -1))
	};
}

const comment = (body: string, quote = 'Il Comune'): NewComment => ({ body, quote, ...anchors(quote.length) });

describe.each(backends)('comment queries as each person, on $name', (backend) => {
	let db: Database;
	let lead: TestUser;
	let editor: TestUser;
	let commenter: TestUser;
	let colleague: TestUser;
	let viewer: TestUser;
	let outsider: TestUser;
	let network: TestNetwork;
	let other: TestNetwork;
	let doc: TestDocument;
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);
	const place = () => ({ networkId: network.id, documentId: doc.id });

	beforeAll(async () => {
		db = await backend.fresh();
		lead = await createUser(db, { displayName: 'Giulia Rinaldi', organisation: 'Ambito di Frosinone' });
		editor = await createUser(db, { displayName: 'Marco Ferri', organisation: 'Cooperativa Il Ponte' });
		commenter = await createUser(db, { displayName: 'Anna Colombo', organisation: 'Comune di Sora' });
		colleague = await createUser(db, { displayName: 'Luca Neri', organisation: 'ASL Frosinone' });
		viewer = await createUser(db, { displayName: 'Paolo De Santis' });
		outsider = await createUser(db, { displayName: 'Sara Gallo' });
		network = await createNetwork(db, lead);
		other = await createNetwork(db, outsider);
		await addMember(db, network, editor, 'editor');
		await addMember(db, network, commenter, 'commenter');
		await addMember(db, network, colleague, 'commenter');
		await addMember(db, network, viewer, 'viewer');
		doc = await createDocument(db, network, editor);
	});
	afterAll(() => db?.close());

	it('lets a commenter comment on text they may not edit, with the quote, the anchors and who wrote it', async () => {
		const posted = comment('Serve indicare *quale* sala.');
		const id = await as(commenter, (tx) => addComment(tx, place(), posted));
		expect(id).toMatch(/^[0-9a-f-]{36}$/);

		const [view] = commentViews(await as(viewer, (tx) => listComments(tx, doc.id))).filter((c) => c.id === id);
		expect(view).toMatchObject({
			quote: 'Il Comune',
			html: '<p>Serve indicare <em>quale</em> sala.</p>\n',
			author: { id: commenter.id, name: 'Anna Colombo', organisation: 'Comune di Sora' },
			resolved: false,
			replies: []
		});
		expect(Buffer.from(view.anchorFrom, 'base64')).toEqual(Buffer.from(posted.anchorFrom));
		expect(Buffer.from(view.anchorTo, 'base64')).toEqual(Buffer.from(posted.anchorTo));
	});

	it('refuses a viewer by the policies, and leaves nothing behind', async () => {
		const before = (await as(lead, (tx) => listComments(tx, doc.id))).comments.length;
		const refused = await as(viewer, (tx) => addComment(tx, place(), comment('Posso?'))).catch((error: unknown) => error);
		expect(refusalKey(refused)).toBe('errors.not_allowed');
		expect((await as(lead, (tx) => listComments(tx, doc.id))).comments).toHaveLength(before);
	});

	it('finds nothing to comment on for another network’s member, whichever network the request names', async () => {
		expect(await as(outsider, (tx) => addComment(tx, place(), comment('Dall’esterno')))).toBeNull();
		expect(await as(outsider, (tx) => addComment(tx, { networkId: other.id, documentId: doc.id }, comment('Altra rete')))).toBeNull();
		expect(await as(outsider, (tx) => listComments(tx, doc.id))).toEqual({ comments: [], replies: [], attachments: new Map() });
	});

	it('never lets a comment hang on a document of another network than the one named', async () => {
		const elsewhere = await createDocument(db, other, outsider);
		expect(await as(outsider, (tx) => addComment(tx, { networkId: network.id, documentId: elsewhere.id }, comment('Incrocio')))).toBeNull();
	});

	it('threads replies under their comment, oldest first, and refuses a viewer’s reply', async () => {
		const id = (await as(editor, (tx) => addComment(tx, place(), comment('Da rivedere.', 'Comune'))))!;
		await as(commenter, (tx) => addReply(tx, { ...place(), commentId: id }, 'Concordo, @[Marco Ferri](mention:' + editor.id + ').'));
		await as(lead, (tx) => addReply(tx, { ...place(), commentId: id }, 'Lo sistemo io.'));
		const refused = await as(viewer, (tx) => addReply(tx, { ...place(), commentId: id }, 'Io no')).catch((e: unknown) => e);
		expect(refusalKey(refused)).toBe('errors.not_allowed');
		expect(await as(outsider, (tx) => addReply(tx, { networkId: other.id, documentId: doc.id, commentId: id }, 'Io?'))).toBeNull();

		const view = commentViews(await as(commenter, (tx) => listComments(tx, doc.id))).find((c) => c.id === id)!;
		expect(view.replies.map((r) => r.author.name)).toEqual(['Anna Colombo', 'Giulia Rinaldi']);
		expect(view.replies[0].html).toContain(`<span class="mention" data-user="${editor.id}">@Marco Ferri</span>`);
	});

	it('lets the author resolve and reopen their comment, and records who resolved it', async () => {
		const id = (await as(commenter, (tx) => addComment(tx, place(), comment('Chiarire gli orari.'))))!;
		expect(await as(colleague, (tx) => setResolved(tx, { ...place(), commentId: id }, true))).toBe(false);
		expect(await as(viewer, (tx) => setResolved(tx, { ...place(), commentId: id }, true))).toBe(false);
		expect(await as(commenter, (tx) => setResolved(tx, { ...place(), commentId: id }, true))).toBe(true);

		const resolved = commentViews(await as(viewer, (tx) => listComments(tx, doc.id))).find((c) => c.id === id)!;
		expect(resolved).toMatchObject({ resolved: true, resolvedByName: 'Anna Colombo' });
		expect(resolved.resolvedAt).not.toBeNull();

		expect(await as(commenter, (tx) => setResolved(tx, { ...place(), commentId: id }, false))).toBe(true);
		const reopened = commentViews(await as(viewer, (tx) => listComments(tx, doc.id))).find((c) => c.id === id)!;
		expect(reopened).toMatchObject({ resolved: false, resolvedAt: null, resolvedByName: null });
	});

	it('lets editors and facilitators resolve anybody’s comment', async () => {
		const id = (await as(colleague, (tx) => addComment(tx, place(), comment('Manca la data.'))))!;
		expect(await as(editor, (tx) => setResolved(tx, { ...place(), commentId: id }, true))).toBe(true);
		expect(await as(lead, (tx) => setResolved(tx, { ...place(), commentId: id }, false))).toBe(true);
		expect(await as(outsider, (tx) => setResolved(tx, { ...place(), commentId: id }, true))).toBe(false);
	});

	it('refuses comments on an archived document, even from its facilitator', async () => {
		const archived = await createDocument(db, network, lead, { status: 'archived' });
		const refused = await as(lead, (tx) => addComment(tx, { networkId: network.id, documentId: archived.id }, comment('Tardi'))).catch(
			(e: unknown) => e
		);
		expect(refusalKey(refused)).toBe('errors.not_allowed');
	});

	it('remembers when each person last looked at the comments, privately, and answers the time before', async () => {
		const seen = (user: TestUser) => as(user, (tx) => recordVisit(tx, network.id, doc.id));
		const first = await seen(viewer);
		expect(first.previous).toBeNull();
		expect((await seen(viewer)).previous).toEqual(first.seenAt);
		// Another person's visit is theirs alone.
		expect((await seen(commenter)).previous).toBeNull();
		expect(await seen(outsider).catch((e: unknown) => refusalKey(e))).toBe('errors.not_allowed');
	});

	it('slows a burst from one account across comments and replies with a message the person understands', async () => {
		const hasty = await createUser(db, { displayName: 'Troppo Veloce' });
		await addMember(db, network, hasty, 'commenter');
		const first = (await as(hasty, (tx) => addComment(tx, place(), comment('1'))))!;
		for (let i = 2; i <= 12; i++) {
			await as(hasty, (tx) =>
				i % 2 ? addComment(tx, place(), comment(String(i))) : addReply(tx, { ...place(), commentId: first }, String(i))
			);
		}
		const refused = await as(hasty, (tx) => addReply(tx, { ...place(), commentId: first }, '13')).catch((e: unknown) => e);
		expect(refusalKey(refused)).toBe('errors.posting_too_fast');
	});
});
