import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { backends, type SharedDatabase } from '../databases.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { compact, loadDocument } from '../../../src/lib/server/collab/persistence.ts';
import { FRAGMENT } from '../../../src/lib/editor/fragment.ts';
import { presenceOf } from '../../../src/lib/presence.ts';
import { addMember, createDocument, createSession, createUser } from '../factories.ts';
import { connect, eventually, paragraphs, startCollab, type Client } from './harness.ts';
import { createScene, type Person, type Scene } from './scene.ts';
import { killChildServers, startChildServer, type ChildServer } from './children.ts';

// Two collab servers, each in a process of its own, on one Postgres database,
// as behind a load balancer: people on either see each other's changes and
// presence, lose nothing when one process dies or the database drops every
// connection, and compaction by one never costs a change stored by the other.
// Over each bus: Postgres NOTIFY always, Redis too when TEST_REDIS_URL names
// a server. PGlite is one process's own database: Postgres only.

const postgres = backends.find((backend) => backend.name === 'postgres');
const redisUrl = process.env.TEST_REDIS_URL;

/** Changes stored and idle documents unloaded within tens of milliseconds; compaction after a few rows, so that it runs while people write. */
const SETTINGS = { flushDelayMs: 20, maxRetryDelayMs: 100, idleUnloadMs: 20, compactAfterRows: 5, compactEveryMs: 0, projectEveryMs: 0 };

const BUSES: { name: string; env: Record<string, string>; available: boolean }[] = [
	{ name: 'Postgres NOTIFY', env: {}, available: true },
	{ name: 'Redis', env: { CHILD_REDIS_URL: redisUrl ?? '' }, available: Boolean(redisUrl) }
];

/** How many paragraphs the client's document holds: cheaper than reading them while polling. */
const length = (client: Client) => client.doc.getXmlFragment(FRAGMENT).length;

/** `lines` holds every one of `expected`, each exactly once, and nothing else. */
function expectEachOnce(lines: string[], expected: string[]) {
	const counts = new Map<string, number>();
	for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
	const wanted = new Set(expected);
	expect({
		lines: lines.length,
		missing: expected.filter((line) => !counts.has(line)).slice(0, 10),
		repeated: [...counts].filter(([, count]) => count > 1).slice(0, 10),
		unexpected: lines.filter((line) => !wanted.has(line)).slice(0, 10)
	}).toEqual({ lines: expected.length, missing: [], repeated: [], unexpected: [] });
}

/** Appends a paragraph, as Tiptap would. */
function append(doc: Y.Doc, text: string) {
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	doc.getXmlFragment(FRAGMENT).push([paragraph]);
}

/** True when one of the client's last few hundred paragraphs reads `text`. */
function hasRecent(client: Client, text: string): boolean {
	const nodes = client.doc.getXmlFragment(FRAGMENT).toArray();
	for (let i = nodes.length - 1; i >= Math.max(0, nodes.length - 400); i--) {
		if ((nodes[i] as Y.XmlElement).toArray().map(String).join('') === text) return true;
	}
	return false;
}

interface Load {
	written: { text: string; at: number }[];
	startedAt: number;
	stop(): Promise<void>;
}

const BURST = 5;
/** Loads still running: stopped after each test, whatever its outcome. */
const loads = new Set<Load>();

/**
 * `writer` appends "<prefix> 0", "<prefix> 1", … a few at a time, each time
 * once `observer`, on the other process, has them: a steady load that goes
 * as fast as the two processes carry it, until stopped.
 */
function keepWriting(writer: Client, prefix: string, observer: Client): Load {
	const written: Load['written'] = [];
	let stopped = false;
	const running = (async () => {
		while (!stopped) {
			for (let n = 0; n < BURST; n++) {
				const text = `${prefix} ${written.length}`;
				writer.write(text);
				written.push({ text, at: performance.now() });
			}
			const last = written.at(-1)!.text;
			await eventually(() => {
				if (!stopped) expect(hasRecent(observer, last)).toBe(true);
			}, 10_000);
		}
	})();
	// A failure is the test's, reported by stop(): never an unhandled rejection meanwhile.
	running.catch(() => {});
	const load = {
		written,
		startedAt: performance.now(),
		stop: () => ((stopped = true), running)
	};
	loads.add(load);
	return load;
}

const texts = (...some: Load[]) => some.flatMap((load) => load.written.map((write) => write.text));

describe.skipIf(!postgres)('collab servers in two processes', () => {
	let shared: SharedDatabase;
	/** The database as the test sees it: neither process. */
	let db: Database;
	let scene: Scene;

	beforeAll(async () => {
		shared = await postgres!.shared();
		db = await shared.open();
		scene = await createScene(db);
	});
	afterAll(async () => {
		await killChildServers();
		await db?.close();
		await shared?.drop();
	});

	/** The document as Postgres holds it, loaded afresh. */
	async function stored(documentId: string): Promise<string[]> {
		const doc = new Y.Doc();
		try {
			await loadDocument(db, documentId, doc);
			return paragraphs(doc);
		} finally {
			doc.destroy();
		}
	}

	for (const bus of BUSES) {
		describe.skipIf(!bus.available)(`over the ${bus.name} bus`, () => {
			let a: ChildServer;
			let b: ChildServer;
			const clients = new Set<Client>();
			const start = () => startChildServer({ ...shared.env, ...bus.env, CHILD_SETTINGS: JSON.stringify(SETTINGS) });
			const open = (server: ChildServer, person: { cookie: string }, documentId: string) => {
				const client = connect(server.url, documentId, person.cookie);
				clients.add(client);
				return client;
			};
			const close = (client: Client) => {
				clients.delete(client);
				client.destroy();
			};
			const synced = (...some: Client[]) => eventually(() => expect(some.every((c) => c.provider.synced)).toBe(true));
			const newDocument = () => createDocument(db, scene.network, scene.editor);

			beforeAll(async () => {
				[a, b] = await Promise.all([start(), start()]);
			});
			afterEach(async () => {
				await Promise.allSettled([...loads].map((load) => load.stop()));
				loads.clear();
				for (const client of clients) close(client);
			});
			afterAll(async () => {
				await Promise.all([a?.stop(), b?.stop()]);
			});

			it('keeps 2,000 writes through both processes, each once, with compaction running meanwhile and after a restart', async () => {
				const { id } = await newDocument();
				const writers = [
					{ name: 'A1', client: open(a, scene.editor, id) },
					{ name: 'A2', client: open(a, scene.facilitator, id) },
					{ name: 'B1', client: open(b, scene.editor, id) },
					{ name: 'B2', client: open(b, scene.facilitator, id) }
				];
				await synced(...writers.map((w) => w.client));
				const expected: string[] = [];
				const snapshots = new Set<string>();
				// 25 rounds of 20 paragraphs per writer, each round once everyone has the last.
				for (let round = 0; round < 25; round++) {
					for (const { name, client } of writers) {
						for (let n = 0; n < 20; n++) {
							const text = `${name} ${round * 20 + n}`;
							client.write(text);
							expected.push(text);
						}
					}
					await eventually(() => {
						for (const { client } of writers) expect(length(client)).toBeGreaterThanOrEqual(expected.length);
					}, 10_000);
					const { rows } = await db.query<{ at: string }>(
						'select updated_at::text as at from public.document_snapshots where document_id = $1',
						[id]
					);
					if (rows[0]) snapshots.add(rows[0].at);
				}
				expect(expected).toHaveLength(2_000);
				// The log was folded into the snapshot again and again while the writes went on.
				expect(snapshots.size).toBeGreaterThanOrEqual(2);
				for (const { client } of writers) expectEachOnce(paragraphs(client.doc), expected);

				const freshOn = async (server: ChildServer) => {
					const fresh = open(server, scene.viewer, id);
					await eventually(() => expect(length(fresh)).toBeGreaterThanOrEqual(2_000), 10_000);
					expectEachOnce(paragraphs(fresh.doc), expected);
					close(fresh);
				};
				await freshOn(a);
				await freshOn(b);
				await eventually(async () => expectEachOnce(await stored(id), expected), 10_000);

				for (const { client } of writers) close(client);
				await Promise.all([a.stop(), b.stop()]);
				[a, b] = await Promise.all([start(), start()]);
				await freshOn(a);
				await freshOn(b);
			});

			it('shows presence across processes, under the name the server knows, until the person leaves', async () => {
				const { id } = await newDocument();
				const carla = open(a, scene.commenter, id);
				await synced(carla);
				carla.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
				// Enzo opens the document on the other process afterwards: it asks the first who is there.
				const enzo = open(b, scene.editor, id);
				const carlaId = carla.doc.clientID;
				await eventually(() =>
					expect(enzo.provider.awareness.getStates().get(carlaId)).toEqual({
						cursor: { anchor: 1 },
						user: presenceOf({ id: scene.commenter.id, name: 'Carla Comune' })
					})
				);
				enzo.provider.awareness.setLocalStateField('cursor', { anchor: 2 });
				carla.provider.awareness.setLocalStateField('cursor', { anchor: 3 });
				await eventually(() => {
					expect(carla.provider.awareness.getStates().get(enzo.doc.clientID)).toEqual({
						cursor: { anchor: 2 },
						user: presenceOf({ id: scene.editor.id, name: 'Enzo Editore' })
					});
					expect(enzo.provider.awareness.getStates().get(carlaId)).toMatchObject({ cursor: { anchor: 3 } });
				});
				close(carla);
				await eventually(() => expect(enzo.provider.awareness.getStates().has(carlaId)).toBe(false));
			});

			it("closes a person's sockets on both processes within a second of a demotion in plain SQL", async () => {
				const { id } = await newDocument();
				const user = await createUser(db, { displayName: 'Dora Declassata' });
				await addMember(db, scene.network, user, 'editor');
				const dora: Person = { ...user, cookie: await createSession(db, user) };
				const doraHere = [open(a, dora, id), open(b, dora, id)];
				const witnesses = [open(a, scene.editor, id), open(b, scene.editor, id)];
				await synced(...doraHere, ...witnesses);
				const closedAt = new Map<Client, number>();
				for (const client of doraHere) client.provider.once('connection-close', () => closedAt.set(client, performance.now()));

				const demotedAt = performance.now();
				await db.query(`update public.memberships set role = 'viewer' where network_id = $1 and user_id = $2`, [scene.network.id, user.id]);
				await eventually(() => expect(closedAt.size).toBe(2), 2_000);
				for (const client of doraHere) {
					expect(client.closes).toEqual([{ code: 4403, reason: 'your access to this document changed; reload the page' }]);
					expect(closedAt.get(client)! - demotedAt).toBeLessThan(1_000);
				}
				for (const witness of witnesses) expect(witness.closes).toEqual([]);
			});

			it('carries a change too large for one message, and many documents at once, to the other process', async () => {
				const [first, second, third] = await Promise.all([newDocument(), newDocument(), newDocument()]);
				const pairs = [first, second, third].map(({ id }) => ({ here: open(a, scene.editor, id), there: open(b, scene.facilitator, id) }));
				await synced(...pairs.flatMap((pair) => [pair.here, pair.there]));
				// 40,000 characters: far over NOTIFY's 8,000 bytes.
				const long = 'Tavolo di co-progettazione sul lavoro di comunità. '.repeat(800);
				pairs[0].here.write(long);
				// A word in each document in the same moment: one notification may carry them all.
				pairs.forEach((pair, n) => pair.here.write(`Parola ${n}`));
				await eventually(() => {
					expect(hasRecent(pairs[0].there, long)).toBe(true);
					pairs.forEach((pair, n) => expect(hasRecent(pair.there, `Parola ${n}`)).toBe(true));
				});
			});

			it('keeps all that was stored when a process is killed -9 under load, and its people go on through the other', async () => {
				const { id } = await newDocument();
				const onA = open(a, scene.editor, id);
				const onB = open(b, scene.facilitator, id);
				await synced(onA, onB);
				const cursorOfA = () => (onB.provider.awareness.getStates().get(onA.doc.clientID) as { cursor?: unknown } | undefined)?.cursor;
				onA.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
				await eventually(() => expect(cursorOfA()).toEqual({ anchor: 1 }));
				const loadA = keepWriting(onA, 'A', onB);
				const loadB = keepWriting(onB, 'B', onA);
				// Over a second of steady load, and both processes seen storing it.
				await eventually(async () => {
					expect(performance.now() - loadA.startedAt).toBeGreaterThan(1_200);
					const lines = await stored(id);
					expect(lines.filter((line) => line.startsWith('A ')).length).toBeGreaterThan(50);
					expect(lines.filter((line) => line.startsWith('B ')).length).toBeGreaterThan(50);
				}, 20_000);

				const storedBefore = await stored(id);
				const killedAt = performance.now();
				const killed = a.kill();
				await Promise.all([loadA.stop(), loadB.stop()]);
				await killed;
				expect(a.ended?.signal).toBe('SIGKILL');

				// Before anyone reconnects: what Postgres was seen to hold, and all written a second before the kill, is there.
				const afterKill = await stored(id);
				const acknowledged = new Set([
					...storedBefore,
					...[...loadA.written, ...loadB.written].filter((write) => write.at < killedAt - 1_000).map((write) => write.text)
				]);
				const afterKillSet = new Set(afterKill);
				expect([...acknowledged].filter((line) => !afterKillSet.has(line))).toEqual([]);
				expect(new Set(afterKill).size).toBe(afterKill.length);

				// A's people come back through B, as a load balancer would send them.
				onA.provider.serverUrl = b.url;
				await eventually(() => expect(onA.provider.wsconnected && onA.provider.synced).toBe(true), 10_000);
				// Their presence comes with them, though B still holds what A last said of it.
				onA.provider.awareness.setLocalStateField('cursor', { anchor: 2 });
				await eventually(() => expect(cursorOfA()).toEqual({ anchor: 2 }));
				onA.write('A dopo');
				onB.write('B dopo');
				const everything = [...texts(loadA, loadB), 'A dopo', 'B dopo'];
				const fresh = open(b, scene.viewer, id);
				await eventually(() => expect(length(fresh)).toBeGreaterThanOrEqual(everything.length), 10_000);
				expectEachOnce(paragraphs(fresh.doc), everything);
				// A's last changes were in B's memory only: once everyone has left, they are stored, and
				// so is what was written through B after them (which would not load without them).
				for (const client of [onA, onB, fresh]) close(client);
				await eventually(async () => expectEachOnce(await stored(id), everything), 10_000);
				a = await start();
			});

			it('rides out the database dropping every connection under load, losing nothing and converging', async () => {
				const { id } = await newDocument();
				const onA = open(a, scene.editor, id);
				const onB = open(b, scene.facilitator, id);
				await synced(onA, onB);
				const loadA = keepWriting(onA, 'A', onB);
				const loadB = keepWriting(onB, 'B', onA);
				await eventually(async () => {
					const lines = await stored(id);
					expect(lines.filter((line) => line.startsWith('A ')).length).toBeGreaterThan(30);
					expect(lines.filter((line) => line.startsWith('B ')).length).toBeGreaterThan(30);
				}, 20_000);

				const storedBefore = await stored(id);
				// As a restart of Postgres looks to its clients, without restarting the server other tests share.
				const admin = new pg.Client({ connectionString: shared.env.CHILD_DATABASE_URL });
				await admin.connect();
				const { rows } = await admin
					.query<{ terminated: number }>(
						`select count(*) filter (where pg_terminate_backend(pid))::int as terminated from pg_stat_activity
						 where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`
					)
					.finally(() => admin.end());
				// At least each process's listening connection.
				expect(rows[0].terminated).toBeGreaterThanOrEqual(2);

				// The load goes on, and both processes store again.
				const [fromA, fromB] = [loadA.written.length, loadB.written.length];
				await eventually(async () => {
					expect(loadA.written.length).toBeGreaterThan(fromA + 50);
					expect(loadB.written.length).toBeGreaterThan(fromB + 50);
					const lines = new Set(await stored(id));
					expect(lines.has(loadA.written[fromA + 25].text) && lines.has(loadB.written[fromB + 25].text)).toBe(true);
				}, 20_000);
				await Promise.all([loadA.stop(), loadB.stop()]);
				onA.write('A dopo');
				onB.write('B dopo');
				const everything = [...texts(loadA, loadB), 'A dopo', 'B dopo'];
				await eventually(() => {
					expectEachOnce(paragraphs(onA.doc), everything);
					expectEachOnce(paragraphs(onB.doc), everything);
				}, 10_000);
				expect(paragraphs(onA.doc)).toEqual(paragraphs(onB.doc));
				for (const server of [a, b]) {
					const fresh = open(server, scene.viewer, id);
					await eventually(() => expect(paragraphs(fresh.doc)).toEqual(paragraphs(onA.doc)), 10_000);
				}
				await eventually(async () => expectEachOnce(await stored(id), everything), 10_000);
				const all = new Set(everything);
				expect(storedBefore.filter((line) => !all.has(line))).toEqual([]);
				// Nobody was disconnected, and neither process fell over.
				expect([onA.closes, onB.closes, a.ended, b.ended]).toEqual([[], [], null, null]);
			});
		});
	}

	describe('compaction by two processes', () => {
		/** A document whose log holds one row per line, as one person typed them. */
		async function typedInRows(lines: string[]): Promise<{ id: string; updates: Uint8Array[] }> {
			const { id } = await createDocument(db, scene.network, scene.editor);
			const source = new Y.Doc();
			const updates: Uint8Array[] = [];
			source.on('update', (update: Uint8Array) => updates.push(update));
			for (const line of lines) append(source, line);
			source.destroy();
			return { id, updates };
		}
		const insertRow = (on: { query: Database['query'] }, id: string, update: Uint8Array) =>
			on
				.query<{ id: string }>('insert into public.document_updates (document_id, update) values ($1, $2) returning id', [id, Buffer.from(update)])
				.then(({ rows }) => BigInt(rows[0].id));

		/** `on`, with each transaction stopping after trama_collab.take_turn until `meet(turn)` resolves. */
		function meetingAfterTurn(on: Database, meet: (turn: boolean) => Promise<void>): Database {
			return {
				...on,
				transaction: (fn) =>
					on.transaction((tx) =>
						fn({
							exec: (sql) => tx.exec(sql),
							async query<T>(sql: string, params?: unknown[]) {
								const result = await tx.query<T>(sql, params);
								if (sql.includes('take_turn')) await meet((result.rows[0] as { turn: boolean }).turn);
								return result;
							}
						})
					)
			};
		}

		it('lets exactly one of two processes fold the same log at the same moment', async () => {
			const lines = Array.from({ length: 40 }, (_, i) => `Riga ${i}`);
			const { id, updates } = await typedInRows(lines);
			for (const update of updates) await insertRow(db, id, update);
			const state = Y.encodeStateAsUpdate(new Y.Doc());
			const [first, second] = await Promise.all([shared.open(), shared.open()]);
			try {
				// Neither goes on before both have asked for the turn: the winner holds it while the other asks.
				const turns: boolean[] = [];
				let bothAsked!: () => void;
				const asked = new Promise<void>((resolve) => (bothAsked = resolve));
				const meet = (turn: boolean) => {
					turns.push(turn);
					if (turns.length === 2) bothAsked();
					return asked;
				};
				const results = await Promise.all([
					compact(meetingAfterTurn(first, meet), id, state, 10),
					compact(meetingAfterTurn(second, meet), id, state, 10)
				]);
				expect(turns.sort()).toEqual([false, true]);
				expect(results.filter((left) => left !== null)).toEqual([0]);
			} finally {
				await Promise.all([first.close(), second.close()]);
			}
			const { rows } = await db.query('select id from public.document_updates where document_id = $1', [id]);
			expect(rows).toEqual([]);
			expect(await stored(id)).toEqual(lines);
		});

		it('never skips a row committed after a compaction folded rows with higher ids', async () => {
			// Lines typed in order; the first one's row is committed last, by a slow transaction. The
			// later rows build on it: folded without it, they wait in the snapshot until it comes.
			const lines = ['Tardiva', ...Array.from({ length: 12 }, (_, i) => `Puntuale ${i}`)];
			const { id, updates } = await typedInRows(lines);
			const slow = new pg.Client({ connectionString: shared.env.CHILD_DATABASE_URL });
			await slow.connect();
			try {
				await slow.query('begin');
				const lateId = await insertRow(slow, id, updates[0]);
				const onTime: bigint[] = [];
				for (const update of updates.slice(1)) onTime.push(await insertRow(db, id, update));
				expect(onTime.every((rowId) => rowId > lateId)).toBe(true);

				expect(await compact(db, id, Y.encodeStateAsUpdate(new Y.Doc()), 5)).toBe(0);
				const { rows } = await db.query('select id from public.document_updates where document_id = $1', [id]);
				expect(rows).toEqual([]);
				await slow.query('commit');
			} finally {
				await slow.end();
			}
			expect(await stored(id)).toEqual(lines);
			const server = await startCollab(db);
			try {
				const fresh = connect(server.url, id, scene.viewer.cookie);
				await eventually(() => expect(paragraphs(fresh.doc)).toEqual(lines));
				fresh.destroy();
			} finally {
				await server.close();
			}
		});
	});
});
