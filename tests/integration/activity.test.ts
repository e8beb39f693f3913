import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { addMember, createDocument, createNetwork, createPartner, createUser, type TestDocument, type TestNetwork, type TestUser } from './factories.ts';
import { contribute, postComment, postMessage, postThread } from './conversation-scene.ts';
import { createFolder, uploadFile, type StoredFile } from './file-scene.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { ACTIVITY_ACTIONS, ACTIVITY_GROUPS, actionsOf } from '../../src/lib/activity/actions.ts';
import { exportActivity, listActivity, listActors } from '../../src/lib/server/activity/queries.ts';
import { activityQuery } from '../../src/lib/server/activity/query.ts';
import type { ShownActivity } from '../../src/lib/activity/entry.ts';

// The activity page's queries and the export, run as each person: members
// read the record, only facilitators take it all away, nobody outside sees it.

describe.each(backends)('the activity record as each person, on $name', (backend) => {
	let db: Database;
	let giulia: TestUser;
	let marco: TestUser;
	let anna: TestUser;
	let paolo: TestUser;
	let outsider: TestUser;
	let stranger: TestUser;
	let network: TestNetwork;
	let map: TestDocument;
	let gone: TestDocument;
	let thread: string;
	let reply: string;
	let comment: string;
	let folder: string;
	let file: StoredFile;
	let purged: StoredFile;
	const as = <T>(user: TestUser, fn: Parameters<typeof withUser<T>>[2]) => withUser(db, user.claims, fn);

	/** The record as the service sees it, newest first. */
	async function recorded() {
		const { rows } = await db.query<{ id: string; action: string }>(
			'select a.id::text as id, a.action::text as action from public.activity a where a.network_id = $1 order by a.id desc',
			[network.id]
		);
		return rows;
	}

	async function everything(user: TestUser, filters: Parameters<typeof listActivity>[2] = {}, limit = 3) {
		const entries: ShownActivity[] = [];
		let before: string | null = null;
		do {
			const page = await as(user, (tx) => listActivity(tx, network.id, { ...filters, before }, limit));
			expect(page.entries.length).toBeLessThanOrEqual(limit);
			entries.push(...page.entries);
			before = page.next;
		} while (before);
		return entries;
	}

	beforeAll(async () => {
		db = await backend.fresh();
		giulia = await createUser(db, { displayName: 'Giulia Rinaldi', organisation: 'Agente di comunità' });
		marco = await createUser(db, { displayName: 'Marco Ferri' });
		anna = await createUser(db, { displayName: 'Anna Colombo' });
		paolo = await createUser(db, { displayName: 'Paolo De Santis' });
		outsider = await createUser(db, { displayName: 'Esterno' });
		stranger = await createUser(db, { displayName: 'Nessuna rete' });
		network = await createNetwork(db, giulia, { name: 'Rete Frosinone' });
		await createNetwork(db, outsider);
		await createPartner(db, network, { name: 'Cooperativa sociale Il Ponte' });
		await addMember(db, network, marco, 'editor');
		await addMember(db, network, anna, 'commenter');
		await addMember(db, network, paolo, 'viewer');
		map = await createDocument(db, network, giulia, { title: 'Mappatura dei servizi', kind: 'territorial_map' });
		gone = await createDocument(db, network, marco, { title: 'Appunti da eliminare' });
		await as(giulia, (tx) => tx.query('delete from public.documents where id = $1', [gone.id]));
		await contribute(db, map, marco);
		thread = await postThread(db, network, marco, { title: 'Calendario del tavolo' });
		reply = await postMessage(db, thread, network, anna, 'Va bene lunedì.');
		comment = await postComment(db, map, anna, 'Manca il SerD.', 'servizi per le dipendenze');
		folder = await createFolder(db, giulia, network, 'Avvisi');
		file = await uploadFile(db, giulia, network, { name: 'Avviso pubblico.pdf', folderId: folder });
		purged = await uploadFile(db, giulia, network, { name: 'Bozza superata.pdf' });
		await as(giulia, (tx) => tx.query('delete from public.files where id = $1', [purged.id]));
		await as(giulia, (tx) =>
			tx.query(`update public.memberships set role = 'commenter' where network_id = $1 and user_id = $2`, [network.id, marco.id])
		);
	});
	afterAll(() => db?.close());

	it('knows exactly the actions the database records', async () => {
		const { rows } = await db.query<{ actions: string[] }>('select enum_range(null::public.activity_action)::text[] as actions');
		expect([...ACTIVITY_ACTIONS]).toEqual(rows[0].actions);
		expect(ACTIVITY_GROUPS.flatMap(actionsOf).length).toBe(ACTIVITY_ACTIONS.length - 1);
	});

	it('shows every member the whole record, newest first', async () => {
		const expected = await recorded();
		expect(expected.map((e) => e.action)).toContain('member_role_changed');
		for (const member of [giulia, marco, anna, paolo]) {
			const entries = await everything(member, {}, 50);
			expect(entries.map((e) => [e.id, e.action])).toEqual(expected.map((e) => [e.id, e.action]));
		}
	});

	it('keeps who did what, with the names they had then and the details the trigger kept', async () => {
		const entries = await everything(anna, {}, 50);
		const find = (action: string) => entries.find((e) => e.action === action);
		expect(find('member_role_changed')).toMatchObject({
			actorId: giulia.id,
			actorName: 'Giulia Rinaldi',
			actorOrganisation: 'Agente di comunità',
			subjectId: marco.id,
			subjectTitle: 'Marco Ferri',
			details: { from: 'editor', to: 'commenter' }
		});
		expect(find('comment_added')).toMatchObject({ actorName: 'Anna Colombo', details: { quote: 'servizi per le dipendenze' } });
		expect(find('document_edited')).toMatchObject({ actorName: 'Marco Ferri', subjectTitle: 'Mappatura dei servizi' });
	});

	it('links what still exists, at the comment or the reply, and nothing that is gone', async () => {
		const entries = await everything(paolo, {}, 50);
		const href = (action: string, subject?: string) =>
			entries.find((e) => e.action === action && (!subject || e.subjectId === subject))?.href;
		const base = `/networks/${network.id}`;
		expect(href('network_created')).toBe(base);
		expect(href('document_created', map.id)).toBe(`${base}/documents/${map.id}`);
		expect(href('document_created', gone.id)).toBeNull();
		expect(href('document_deleted')).toBeNull();
		expect(href('comment_added')).toBe(`${base}/documents/${map.id}?comment=${comment}`);
		expect(href('thread_replied')).toBe(`${base}/discussions/${thread}#message-${reply}`);
		expect(href('member_role_changed')).toBe(`${base}/members`);
		expect(href('file_uploaded', file.id)).toBe(`${base}/files/${file.id}`);
		expect(href('folder_created')).toBe(`${base}/files?folder=${folder}`);
		expect(href('file_uploaded', purged.id)).toBeNull();
		expect(href('file_purged')).toBeNull();
	});

	it('shows nothing of the record to anyone outside the network', async () => {
		for (const person of [outsider, stranger]) {
			expect(await as(person, (tx) => listActivity(tx, network.id))).toEqual({ entries: [], next: null });
			expect(await as(person, (tx) => listActors(tx, network.id))).toEqual([]);
		}
	});

	it('filters by kind and by person, through every page', async () => {
		for (const group of ACTIVITY_GROUPS) {
			const entries = await everything(anna, { group });
			expect(entries.length).toBeGreaterThan(0);
			expect(entries.every((e) => actionsOf(group).includes(e.action))).toBe(true);
		}
		const byMarco = await everything(anna, { actorId: marco.id });
		expect(byMarco.map((e) => e.action).sort()).toEqual(['document_created', 'document_edited', 'member_joined', 'thread_started']);
		const documentsByMarco = await everything(anna, { actorId: marco.id, group: 'documents' });
		expect(documentsByMarco.map((e) => e.action).sort()).toEqual(['document_created', 'document_edited']);
		expect(await everything(anna, { actorId: stranger.id })).toEqual([]);
	});

	it('reads its filters from the URL and ignores what is not one', () => {
		expect(activityQuery(new URLSearchParams({ kind: 'comments', person: marco.id.toUpperCase(), before: '120' }))).toEqual({
			group: 'comments',
			actorId: marco.id,
			before: '120'
		});
		expect(activityQuery(new URLSearchParams({ kind: 'all', person: 'marco', before: '1; drop table' }))).toEqual({
			group: null,
			actorId: null,
			before: null
		});
	});

	it('offers everyone who has done something as a person to filter by, by name', async () => {
		const actors = await as(paolo, (tx) => listActors(tx, network.id));
		expect(actors).toEqual([
			{ id: anna.id, name: 'Anna Colombo' },
			{ id: giulia.id, name: 'Giulia Rinaldi' },
			{ id: marco.id, name: 'Marco Ferri' },
			{ id: paolo.id, name: 'Paolo De Santis' }
		]);
	});

	it('names a person who was renamed by the name of their latest entry', async () => {
		await db.query('update public.profiles set display_name = $2 where id = $1', [anna.id, 'Anna Colombo Rossi']);
		try {
			await postMessage(db, thread, network, anna, 'Confermo la data.');
			const actors = await as(paolo, (tx) => listActors(tx, network.id));
			expect(actors.find((a) => a.id === anna.id)).toEqual({ id: anna.id, name: 'Anna Colombo Rossi' });
			expect(actors).toHaveLength(4);
		} finally {
			await db.query('update public.profiles set display_name = $2 where id = $1', [anna.id, 'Anna Colombo']);
		}
	});

	it('refuses the export to editors, commenters, viewers and anyone outside the network', async () => {
		// Marco was an editor until the facilitator made him a commenter: make another editor.
		const editor = await createUser(db, { displayName: 'Redattrice' });
		await addMember(db, network, editor, 'editor');
		for (const person of [editor, anna, paolo, outsider, stranger]) {
			await expect(as(person, (tx) => exportActivity(tx, network.id))).rejects.toMatchObject({ code: '42501' });
		}
	});

	it('gives the facilitator the whole record, oldest first', async () => {
		const expected = (await recorded()).reverse();
		const exported = await as(giulia, (tx) => exportActivity(tx, network.id));
		expect(exported.map((e) => [e.id, e.action])).toEqual(expected.map((e) => [e.id, e.action]));
		expect(exported[0]).toMatchObject({ action: 'network_created', actorName: 'Giulia Rinaldi', subjectTitle: 'Rete Frosinone' });
		expect(new Date(exported[0].createdAt).getTime()).not.toBeNaN();
	});
});
