import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backends } from '../databases.ts';
import { addMember, createDocument, createInvitation, createNetwork, createUser, type Member, type TestUser } from '../factories.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { connect, eventually, startCollab } from '../collab/harness.ts';
import { createScene } from '../collab/scene.ts';
import { commentOn, createCast, replyInThread, replyToComment, startThread } from './scene.ts';
import { entriesOf, entry, recorded } from '../activity-record.ts';

// The activity record (20261123110200_activity.sql): every action is written
// by a trigger with who did it, what it was about and what it was called
// then; the record can only grow, except that a network's deletion takes
// its own record with it.

describe.each(backends)('the activity record on $name', (backend) => {
	let db: Database;

	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	const as = (user: TestUser, sql: string, params: unknown[] = []) => withUser(db, user.claims, (tx) => tx.query(sql, params));
	const person = async (name: string): Promise<Member> => ({ ...(await createUser(db, { displayName: name })), name });

	describe('networks and members', () => {
		it('records a new network, then its creator joining it as facilitator, with their organisation', async () => {
			const name = 'Giulia Rinaldi';
			const giulia = { ...(await createUser(db, { displayName: name, organisation: 'Ambito di Frosinone' })), name };
			const network = await createNetwork(db, giulia, { name: 'Inserimento lavorativo 2027' });
			expect(await entriesOf(db, network)).toEqual([
				entry(giulia, 'network_created', { id: network.id, title: 'Inserimento lavorativo 2027' }),
				entry(giulia, 'member_joined', { id: giulia.id, title: 'Giulia Rinaldi' }, { role: 'facilitator' })
			]);
			const { rows } = await db.query('select distinct actor_organisation from public.activity where network_id = $1', [network.id]);
			expect(rows).toEqual([{ actor_organisation: 'Ambito di Frosinone' }]);
		});

		it('records a member joining by invitation, added by a facilitator, and added by the service', async () => {
			const { network, facilitator } = await createCast(db);
			const nina = await person('Nina Rossi');
			const invitation = await createInvitation(db, { network, invitedBy: facilitator, email: nina.email, role: 'commenter' });
			expect(await recorded(db, network, () => as(nina, 'select public.accept_invitation($1)', [invitation.token]))).toEqual([
				entry(nina, 'member_joined', { id: nina.id, title: nina.name }, { role: 'commenter' }),
				// The invitation's own entry (tests/integration/partners.test.ts tests the invitations' record).
				entry(nina, 'invitation_accepted', { id: invitation.id, title: nina.email }, { role: 'commenter' })
			]);

			const luca = await person('Luca Bianchi');
			const added = `insert into public.memberships (network_id, user_id, role) values ($1, $2, 'viewer')`;
			expect(await recorded(db, network, () => as(facilitator, added, [network.id, luca.id]))).toEqual([
				entry(facilitator, 'member_joined', { id: luca.id, title: luca.name }, { role: 'viewer' })
			]);

			// The service acts for nobody: the record names the member themselves.
			const sara = await person('Sara Neri');
			expect(await recorded(db, network, () => addMember(db, network, sara, 'editor'))).toEqual([
				entry(sara, 'member_joined', { id: sara.id, title: sara.name }, { role: 'editor' })
			]);
		});

		it('records a role change, a member leaving and a member removed', async () => {
			const { network, facilitator, viewer, commenter } = await createCast(db);
			const membership = `where network_id = '${network.id}' and user_id = $1`;
			const promote = `update public.memberships set role = 'editor' ${membership}`;
			const changed = await recorded(db, network, () => as(facilitator, promote, [viewer.id]));
			const promoted = { from: 'viewer', to: 'editor' };
			expect(changed).toEqual([entry(facilitator, 'member_role_changed', { id: viewer.id, title: viewer.name }, promoted)]);
			const left = await recorded(db, network, () => as(viewer, `delete from public.memberships ${membership}`, [viewer.id]));
			expect(left).toEqual([entry(viewer, 'member_left', { id: viewer.id, title: viewer.name })]);
			const removed = await recorded(db, network, () => as(facilitator, `delete from public.memberships ${membership}`, [commenter.id]));
			expect(removed).toEqual([entry(facilitator, 'member_removed', { id: commenter.id, title: commenter.name })]);
		});
	});

	describe('documents', () => {
		it('records a document created, renamed, moved to another status and deleted', async () => {
			const { network, editor, facilitator } = await createCast(db);
			let id = '';
			const created = await recorded(db, network, async () => {
				id = (await createDocument(db, network, editor, { title: 'Mappatura dei servizi', kind: 'territorial_map' })).id;
			});
			expect(created).toEqual([entry(editor, 'document_created', { id, title: 'Mappatura dei servizi' }, { kind: 'territorial_map' })]);

			const renamed = await recorded(db, network, () => as(editor, `update public.documents set title = 'Mappa dei servizi' where id = $1`, [id]));
			const now = { id, title: 'Mappa dei servizi' };
			expect(renamed).toEqual([entry(editor, 'document_renamed', now, { from: 'Mappatura dei servizi', to: 'Mappa dei servizi' })]);
			const moved = await recorded(db, network, () => as(facilitator, `update public.documents set status = 'archived' where id = $1`, [id]));
			expect(moved).toEqual([entry(facilitator, 'document_status_changed', now, { from: 'draft', to: 'archived' })]);
			// The collab server's projection of the text is not something a person did.
			const projected = await recorded(db, network, () => db.query(`update public.documents set content_text = 'Testo' where id = $1`, [id]));
			expect(projected).toEqual([]);
			const deleted = await recorded(db, network, () => as(facilitator, 'delete from public.documents where id = $1', [id]));
			expect(deleted).toEqual([entry(facilitator, 'document_deleted', now)]);
		});

		it('records a named version, and not an automatic one', async () => {
			const { network, editor, document } = await createCast(db);
			let version = '';
			const named = await recorded(db, network, async () => {
				const { rows } = await as(
					editor,
					`insert into public.document_versions (document_id, name, state) values ($1, 'Bozza per la Giunta', '\\x00') returning id`,
					[document.id]
				);
				version = (rows[0] as { id: string }).id;
			});
			expect(named).toEqual([entry(editor, 'document_version_saved', document, { version, name: 'Bozza per la Giunta' })]);
			const automatic = await recorded(db, network, () =>
				db.query(`insert into public.document_versions (document_id, automatic, state, created_by) values ($1, true, '\\x00', $2)`, [
					document.id,
					editor.id
				])
			);
			expect(automatic).toEqual([]);
		});

		it('records editing once per person and document in 30 minutes, however often it is recorded', async () => {
			const { network, editor, facilitator, commenter, document } = await createCast(db);
			// What the collab server does when it stores someone's changes.
			const contribute = (user: TestUser) =>
				db.query(
					`insert into public.document_contributors (document_id, user_id) values ($1, $2)
					 on conflict (document_id, user_id) do update set last_edit_at = now()`,
					[document.id, user.id]
				);
			const edits = await recorded(db, network, async () => {
				await contribute(editor);
				await contribute(editor);
				await contribute(facilitator);
			});
			expect(edits).toEqual([entry(editor, 'document_edited', document), entry(facilitator, 'document_edited', document)]);
			// Half an hour later (an entry that old stands in for the wait) it is recorded again.
			await db.query(
				`insert into public.activity (network_id, actor_id, action, subject_id, created_at)
				 values ($1, $2, 'document_edited', $3, now() - interval '31 minutes')`,
				[network.id, commenter.id, document.id]
			);
			expect(await recorded(db, network, () => contribute(commenter))).toEqual([entry(commenter, 'document_edited', document)]);
		});

		describe('through the collab server', () => {
			afterEach(() => vi.useRealTimers());

			it('records a writer again every 10 minutes, which the record groups into one entry per half hour', async () => {
				const scene = await createScene(db);
				const server = await startCollab(db);
				const lastEdit = async () =>
					(
						await db.query<{ last_edit_at: Date }>(
							'select last_edit_at from public.document_contributors where document_id = $1 and user_id = $2',
							[scene.document.id, scene.editor.id]
						)
					).rows[0]?.last_edit_at ?? null;
				const count = async (sql: string) => (await db.query(sql, [scene.document.id])).rows.length;
				const stored = () => count('select 1 from public.document_updates where document_id = $1');
				const edited = () => count(`select 1 from public.activity where subject_id = $1 and action = 'document_edited'`);
				const enzo = connect(server.url, scene.document.id, scene.editor.cookie);
				try {
					await eventually(() => expect(enzo.provider.synced).toBe(true));
					enzo.write('Prima riga');
					await eventually(async () => expect(await lastEdit()).not.toBeNull());
					const first = (await lastEdit())!;
					expect(await edited()).toBe(1);

					// Within 10 minutes more writing is stored without recording the writer again…
					const before = await stored();
					enzo.write('Seconda riga');
					await eventually(async () => expect(await stored()).toBeGreaterThan(before));
					expect(await lastEdit()).toEqual(first);

					// …after 10 minutes (CONTRIBUTOR_REFRESH_MS in collab/room.ts) they are recorded again.
					vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 10 * 60_000 + 1_000, shouldAdvanceTime: true });
					enzo.write('Terza riga');
					await eventually(async () => expect((await lastEdit())!.getTime()).toBeGreaterThan(first.getTime()));
					expect(await edited()).toBe(1);
				} finally {
					enzo.destroy();
					await server.close();
				}
			});
		});
	});

	describe('discussions and comments', () => {
		it('records a thread started, replied to, closed, reopened, pinned, unpinned and deleted', async () => {
			const { network, editor, commenter, facilitator } = await createCast(db);
			let thread = { id: '', networkId: '' };
			let message = '';
			const steps = await recorded(db, network, async () => {
				thread = await startThread(db, editor, network, { title: 'Orari dello sportello' });
				message = await replyInThread(db, commenter, thread);
				const set = (user: TestUser, change: string) => as(user, `update public.threads set ${change} where id = $1`, [thread.id]);
				await set(editor, 'closed = true');
				await set(facilitator, 'closed = false');
				await set(facilitator, 'pinned = true');
				await set(facilitator, 'pinned = false');
				await as(facilitator, 'delete from public.threads where id = $1', [thread.id]);
			});
			const about = { id: thread.id, title: 'Orari dello sportello' };
			expect(steps).toEqual([
				entry(editor, 'thread_started', about),
				entry(commenter, 'thread_replied', about, { message }),
				entry(editor, 'thread_closed', about),
				entry(facilitator, 'thread_reopened', about),
				entry(facilitator, 'thread_pinned', about),
				entry(facilitator, 'thread_unpinned', about),
				entry(facilitator, 'thread_deleted', about)
			]);
		});

		it('records a comment added, replied to, resolved and reopened, about its document, quoting at most 200 characters', async () => {
			const { network, editor, commenter, document } = await createCast(db);
			const quote = 'I partner si impegnano a garantire '.repeat(10);
			let comment = { id: '', documentId: '', networkId: '' };
			const steps = await recorded(db, network, async () => {
				comment = await commentOn(db, commenter, document, { quote });
				await replyToComment(db, editor, comment);
				await as(editor, 'update public.comments set resolved = true where id = $1', [comment.id]);
				await as(commenter, 'update public.comments set resolved = false where id = $1', [comment.id]);
			});
			const quoted = { comment: comment.id, quote: quote.slice(0, 200) };
			expect(steps).toEqual([
				entry(commenter, 'comment_added', document, quoted),
				entry(editor, 'comment_replied', document, { comment: comment.id }),
				entry(editor, 'comment_resolved', document, quoted),
				entry(commenter, 'comment_reopened', document, quoted)
			]);
		});
	});

	// The file space's actions are tested with the rest of its schema, in files/schema.test.ts; the
	// partners' and invitations' in partners.test.ts; the answers to requests for another role in access-requests.test.ts;
	// a pact's proposals in commitment-proposals.test.ts, its seals and adhesions in pact-seals.test.ts;
	// a plan's follow-up in plan-follow-up.test.ts.
	it('has no action that this file does not test, but those of the file space, the partners, the invitations, the requests for another role, the pact and the plan', async () => {
		const { rows } = await db.query<{ action: string }>(
			`select action::text from unnest(enum_range(null::public.activity_action)) as action where action::text !~ '^(file|folder|partner|invitation|access|commitment|pact|plan)_'`
		);
		const tested = [
			['network_created', 'member_joined', 'member_role_changed', 'member_left', 'member_removed'],
			['document_created', 'document_renamed', 'document_status_changed', 'document_edited', 'document_version_saved', 'document_deleted'],
			['thread_started', 'thread_replied', 'thread_closed', 'thread_reopened', 'thread_pinned', 'thread_unpinned', 'thread_deleted'],
			['comment_added', 'comment_replied', 'comment_resolved', 'comment_reopened']
		].flat();
		expect(rows.map((row) => row.action).sort()).toEqual(tested.sort());
	});

	describe('the export', () => {
		it("gives a network's facilitators its whole record in order, and refuses everyone else", async () => {
			const { network, facilitator, editor, outsider } = await createCast(db);
			await startThread(db, editor, network);
			const exported = (user: TestUser) =>
				withUser(db, user.claims, async (tx) => {
					const sql = 'select id, action::text as action from public.activity_for_export($1)';
					return (await tx.query<{ id: string; action: string }>(sql, [network.id])).rows;
				});
			const rows = await exported(facilitator);
			expect(rows.map((row) => row.action)).toEqual([
				'network_created',
				...Array(4).fill('member_joined'),
				'document_created',
				'thread_started'
			]);
			expect(rows.map((row) => Number(row.id))).toEqual(rows.map((row) => Number(row.id)).sort((a, b) => a - b));
			for (const user of [editor, outsider]) {
				await expect(exported(user)).rejects.toMatchObject({ code: '42501', message: 'forbidden' });
			}
		});
	});

	describe('append-only', () => {
		it('refuses to change, delete or truncate entries, even for the service', async () => {
			const { network, facilitator } = await createCast(db);
			const refused = { code: 'P0001', message: 'activity_append_only' };
			const rewrite = `update public.activity set subject_title = 'riscritto' where network_id = $1`;
			const erase = 'delete from public.activity where network_id = $1';
			await expect(db.query(rewrite, [network.id])).rejects.toMatchObject(refused);
			await expect(db.query(erase, [network.id])).rejects.toMatchObject(refused);
			await expect(db.exec('truncate public.activity')).rejects.toMatchObject(refused);
			// People have no grant to try with.
			await expect(as(facilitator, erase, [network.id])).rejects.toMatchObject({ code: '42501' });
			// The network, its four members and its document, all still there.
			expect(await entriesOf(db, network)).toHaveLength(6);
		});

		it('goes with its network when the network is deleted, and only then', async () => {
			const { network, elsewhere, editor, facilitator } = await createCast(db);
			await startThread(db, editor, network);
			await as(facilitator, 'delete from public.networks where id = $1', [network.id]);
			expect(await entriesOf(db, network)).toEqual([]);
			expect(await entriesOf(db, elsewhere)).toHaveLength(2);
		});

		it('keeps the entries of a deleted account, with the name it had', async () => {
			const { network, editor, document } = await createCast(db);
			const thread = await startThread(db, editor, network, { title: 'Orari dello sportello' });
			await db.query('delete from auth.users where id = $1', [editor.id]);
			const entries = await entriesOf(db, network);
			expect(entries.filter((e) => e.actor_id === editor.id && e.action !== 'member_left')).toEqual([
				entry(editor, 'member_joined', { id: editor.id, title: editor.name }, { role: 'editor' }),
				entry(editor, 'document_created', document, { kind: 'co_design' }),
				entry(editor, 'thread_started', { id: thread.id, title: 'Orari dello sportello' })
			]);
		});

		// Memberships end before the profile goes (users_leave_networks), so the name is still known.
		it('records the leaving of a deleted account with the name it had', async () => {
			const { network, editor } = await createCast(db);
			await db.query('delete from auth.users where id = $1', [editor.id]);
			expect((await entriesOf(db, network)).at(-1)).toEqual(entry(editor, 'member_left', { id: editor.id, title: editor.name }));
		});
	});
});
