import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type SharedDatabase } from '../databases.ts';
import { eventually } from '../collab/harness.ts';
import { mentionToken } from '../../../src/lib/mentions.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { addMember, createUser, type TestUser } from '../factories.ts';
import { createCast, type Cast } from '../conversations/scene.ts';
import type { PostThread } from './child-app.ts';
import { openEventStream, type EventStream } from './sse.ts';

// Two app processes behind a load balancer, on one Postgres database: a page
// served by one process stays live when the change comes through the other,
// within the second the issue asks for, and only for those it concerns.
// PGlite is one process's own database, so this runs on Postgres only.

const postgres = backends.find((backend) => backend.name === 'postgres');
const childScript = fileURLToPath(new URL('./child-app.ts', import.meta.url));

interface App {
	origin: string;
	process: ChildProcess;
}

async function startApp(env: Record<string, string>): Promise<App> {
	const child = spawn(process.execPath, ['--experimental-transform-types', '--no-warnings', childScript], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const port = await new Promise<number>((resolve, reject) => {
		child.stdout!.on('data', (chunk: Buffer) => {
			const match = /listening (\d+)/.exec(chunk.toString());
			if (match) resolve(Number(match[1]));
		});
		child.once('exit', (code) => reject(new Error(`child app exited with ${code}`)));
	});
	return { origin: `http://127.0.0.1:${port}`, process: child };
}

async function stopApp(app: App | undefined) {
	if (!app || app.process.exitCode !== null) return;
	const exited = new Promise((resolve) => app.process.once('exit', resolve));
	app.process.kill('SIGTERM');
	await exited;
}

describe.skipIf(!postgres)('two app processes on one Postgres database', () => {
	let shared: SharedDatabase;
	/** The database as a third writer sees it: neither app process. */
	let db: Database;
	let cast: Cast;
	let first: App;
	let second: App;
	const streams: EventStream[] = [];

	beforeAll(async () => {
		shared = await postgres!.shared();
		db = await shared.open();
		cast = await createCast(db);
		[first, second] = await Promise.all([startApp(shared.env), startApp(shared.env)]);
	});
	afterAll(async () => {
		for (const stream of streams) stream.close();
		await Promise.all([stopApp(first), stopApp(second)]);
		await db?.close();
		await shared?.drop();
	});

	async function listen(app: App, user: TestUser, network: { id: string } | null) {
		const query = new URLSearchParams({ user: user.id, ...(network ? { network: network.id } : {}) });
		const stream = await openEventStream(`${app.origin}/live?${query}`);
		streams.push(stream);
		return stream;
	}

	/** Starts a thread through `app`; returns its id and when the request left. */
	async function post(app: App, author: TestUser, network: { id: string }, body = 'Ci vediamo giovedì.') {
		const sentAt = performance.now();
		const thread: PostThread = { user: { id: author.id, email: author.email }, networkId: network.id, title: 'Prossimo incontro', body };
		const response = await fetch(`${app.origin}/threads`, { method: 'POST', body: JSON.stringify(thread) });
		expect(response.status).toBe(201);
		const { id } = (await response.json()) as { id: string };
		return { id, sentAt };
	}

	/** The moment `stream` received the activity event of `action` on `subject`, waiting up to a second. */
	async function heardAt(stream: EventStream, action: string, subject: string): Promise<number> {
		const event = await eventually(() => {
			const found = stream.received.find(
				(r) => r.event === 'activity' && 'action' in r.data && r.data.action === action && r.data.subject === subject
			);
			expect(found).toBeDefined();
			return found!;
		}, 1_000);
		return event.at;
	}

	it('tells a page served by one process, within a second, of a thread posted through the other', async () => {
		const onSecond = await listen(second, cast.commenter, cast.network);
		const onFirst = await listen(first, cast.viewer, cast.network);

		const throughFirst = await post(first, cast.editor, cast.network);
		expect((await heardAt(onSecond, 'thread_started', throughFirst.id)) - throughFirst.sentAt).toBeLessThan(1_000);
		const throughSecond = await post(second, cast.facilitator, cast.network);
		expect((await heardAt(onFirst, 'thread_started', throughSecond.id)) - throughSecond.sentAt).toBeLessThan(1_000);

		expect(onSecond.received.find((r) => r.event === 'activity')?.data).toEqual({
			type: 'activity',
			network: cast.network.id,
			action: 'thread_started',
			subject: throughFirst.id,
			actor: cast.editor.id
		});
	});

	it('tells the person a thread mentions on the other process, wherever they are in the app', async () => {
		const viewerAnywhere = await listen(second, cast.viewer, null);
		await post(first, cast.editor, cast.network, `${mentionToken('Paolo', cast.viewer.id)}, ci sei giovedì?`);
		await eventually(() => expect(viewerAnywhere.received.map((r) => r.event)).toEqual(['ready', 'notification']), 1_000);
	});

	it('tells a member of another network, served by the other process, nothing', async () => {
		const outsider = await listen(second, cast.outsider, cast.elsewhere);
		const member = await listen(second, cast.commenter, cast.network);
		const thread = await post(first, cast.editor, cast.network);
		await heardAt(member, 'thread_started', thread.id);
		// Their own network's news comes through the same channel after it:
		// once that has arrived, nothing about the other network is on its way.
		const own = await post(first, cast.outsider, cast.elsewhere);
		await heardAt(outsider, 'thread_started', own.id);
		expect(outsider.received.map((r) => [r.event, 'subject' in r.data ? r.data.subject : null])).toEqual([
			['ready', null],
			['activity', own.id]
		]);
	});

	it("ends the stream of a member removed from the network, whichever process serves it", async () => {
		const member = await createUser(db, { displayName: 'Vera Verdi' });
		// The member's own arrival is news on the network too; it must have gone
		// by on the second process, as a witness there hears, before their stream
		// opens, or it may reach that stream ahead of the revocation.
		const witness = await listen(second, cast.facilitator, cast.network);
		await addMember(db, cast.network, member, 'viewer');
		await heardAt(witness, 'member_joined', member.id);
		const stream = await listen(second, member, cast.network);
		await withUser(db, cast.facilitator.claims, (tx) =>
			tx.query('delete from public.memberships where network_id = $1 and user_id = $2', [cast.network.id, member.id])
		);
		await eventually(() => expect(stream.ended).toBe(true), 1_000);
		expect(stream.received.map((r) => r.event)).toEqual(['ready', 'revoked']);
	});
});
