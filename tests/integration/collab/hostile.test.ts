import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { backends } from '../databases.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../../src/lib/server/collab/protocol.ts';
import { connect, eventually, rawSocket, startCollab, type Client, type RunningCollab } from './harness.ts';
import { createScene, type Scene } from './scene.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

function message(...parts: ((encoder: encoding.Encoder) => void)[]): Uint8Array {
	const encoder = encoding.createEncoder();
	for (const part of parts) part(encoder);
	return encoding.toUint8Array(encoder);
}

// Each case: what a hostile or broken client sends, and the close code it earns.
const HOSTILE: { name: string; frame: () => Uint8Array | string; code: number }[] = [
	{ name: 'a text frame', frame: () => 'hello', code: 1003 },
	{ name: 'random bytes', frame: () => bytes(0x9f, 0x12, 0xee, 0x01, 0x77), code: 4400 },
	{ name: 'a truncated varint', frame: () => bytes(0x80), code: 4400 },
	{ name: 'an empty frame', frame: () => bytes(), code: 4400 },
	{
		name: 'a huge declared length',
		frame: () => message((e) => encoding.writeVarUint(e, MESSAGE_SYNC), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint(e, 2 ** 40)),
		code: 4400
	},
	{
		name: 'a malformed Yjs update',
		frame: () => message((e) => encoding.writeVarUint(e, MESSAGE_SYNC), (e) => syncProtocol.writeUpdate(e, bytes(5, 1, 255, 255, 255, 255, 15, 4))),
		code: 4400
	},
	{
		name: 'an awareness state that is not JSON',
		frame: () =>
			message(
				(e) => encoding.writeVarUint(e, MESSAGE_AWARENESS),
				(e) => encoding.writeVarUint8Array(e, message((m) => encoding.writeVarUint(m, 1), (m) => encoding.writeVarUint(m, 7), (m) => encoding.writeVarUint(m, 1), (m) => encoding.writeVarString(m, '{not json')))
			),
		code: 4400
	},
	{ name: 'an unknown message type', frame: () => bytes(42), code: 4400 },
	{ name: 'trailing bytes after a message', frame: () => bytes(3, 0, 0), code: 4400 }
];

describe.each(backends)('hostile clients on $name', (backend) => {
	let db: Database;
	let scene: Scene;
	let server: RunningCollab;
	let honest: Client;

	beforeAll(async () => {
		db = await backend.fresh();
		scene = await createScene(db);
		server = await startCollab(db, { maxMessageBytes: 256 * 1024, messagesPerSecond: 50, messageBurst: 100 });
		honest = connect(server.url, scene.document.id, scene.facilitator.cookie);
		await eventually(() => expect(honest.provider.synced).toBe(true));
	});
	afterAll(async () => {
		honest.destroy();
		await server.close();
		await db.close();
	});

	// After every hostile socket the honest one still writes, and its text is kept.
	let round = 0;
	afterEach(async () => {
		const line = `Ancora qui ${++round}`;
		const witness = connect(server.url, scene.document.id, scene.editor.cookie);
		honest.write(line);
		await eventually(() => expect(witness.text()).toContain(line));
		witness.destroy();
	});

	it.each(HOSTILE)('closes the connection that sends $name, with a reason', async ({ frame, code }) => {
		const hostile = await rawSocket(server.url, scene.document.id, scene.editor.cookie);
		hostile.socket.send(frame());
		const closed = await hostile.closed;
		expect(closed.code).toBe(code);
		expect(closed.reason.length).toBeGreaterThan(0);
	});

	it('closes a connection whose message is larger than the limit with 1009', async () => {
		const hostile = await rawSocket(server.url, scene.document.id, scene.editor.cookie);
		hostile.socket.send(new Uint8Array(300 * 1024));
		expect((await hostile.closed).code).toBe(1009);
	});

	it('closes a connection that floods the server after authenticating', async () => {
		const hostile = await rawSocket(server.url, scene.document.id, scene.editor.cookie);
		for (let i = 0; i < 500; i++) hostile.socket.send(bytes(3));
		const closed = await hostile.closed;
		expect(closed).toEqual({ code: 1008, reason: 'too many messages' });
	});

	it('answers a flood of unauthenticated upgrades without opening sockets', async () => {
		const attempts = await Promise.all(
			Array.from({ length: 200 }, () =>
				rawSocket(server.url, scene.document.id, 'trama_session=nobody').then(
					() => 'opened',
					(error: Error) => error.message
				)
			)
		);
		expect(attempts.every((result) => /401/.test(result))).toBe(true);
		expect(server.collab.stats().connections).toBe(1);
	});
});

describe.each(backends)('memory over many connections on $name', (backend) => {
	it('stays within 10% after 1,000 open/close cycles', { timeout: 240_000 }, async () => {
		const db = await backend.fresh();
		const scene = await createScene(db);
		const server = await startCollab(db);
		const cycle = async () => {
			const client = connect(server.url, scene.document.id, scene.editor.cookie);
			await eventually(() => expect(client.provider.synced).toBe(true));
			client.destroy();
			await eventually(() => expect(server.collab.stats().connections).toBe(0));
		};
		const heap = async () => {
			await eventually(() => expect(server.collab.stats().documents).toBe(0));
			for (let i = 0; i < 3; i++) {
				global.gc?.();
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			return process.memoryUsage().heapUsed;
		};
		// Warm up: modules, JIT, connection pools.
		for (let i = 0; i < 100; i++) await cycle();
		const before = await heap();
		for (let i = 0; i < 1_000; i++) await cycle();
		const after = await heap();
		await server.close();
		await db.close();
		expect(after).toBeLessThan(before * 1.1);
	});
});
