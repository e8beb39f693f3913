import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backends, type SharedDatabase } from '../databases.ts';
import { eventually } from '../collab/harness.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { postgresListener } from '../../../src/lib/server/db/postgres-listener.ts';

// The LISTEN connection of an app process on a Postgres server: when the
// server ends it (a restart, a failover, an administrator), it comes back by
// itself and says that events may have been missed with one empty payload.
// PGlite lives inside the process and has no connection to lose.

const postgres = backends.find((backend) => backend.name === 'postgres');

/**
 * A loopback TCP proxy to the server that can refuse new connections, as a
 * server that is down would, or hold them back, as a slow network would.
 */
async function startProxy(target: URL) {
	const sockets = new Set<net.Socket>();
	let mode: 'pass' | 'refuse' | 'hold' = 'pass';
	const held: (() => void)[] = [];
	let arrived = 0;
	const track = (socket: net.Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
	};
	const server = net.createServer((client) => {
		arrived++;
		track(client);
		if (mode === 'refuse') return void client.destroy();
		const pass = () => {
			const upstream = net.connect(Number(target.port || 5432), target.hostname);
			track(upstream);
			upstream.on('close', () => client.destroy());
			client.on('close', () => upstream.destroy());
			client.pipe(upstream).pipe(client);
		};
		if (mode === 'hold') held.push(pass);
		else pass();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = new URL(target);
	url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url: url.toString(),
		/** Connections the proxy was asked for. */
		get arrived() {
			return arrived;
		},
		/** Sockets open through the proxy, both sides counted. */
		get open() {
			return sockets.size;
		},
		refuse: () => (mode = 'refuse'),
		hold: () => (mode = 'hold'),
		pass() {
			mode = 'pass';
			for (const connection of held.splice(0)) connection();
		},
		close() {
			for (const socket of sockets) socket.destroy();
			return new Promise((resolve) => server.close(resolve));
		}
	};
}

describe.skipIf(!postgres)('postgresListener on a Postgres server', () => {
	let shared: SharedDatabase;
	let db: Database;
	let url: string;

	beforeEach(async () => {
		shared = await postgres!.shared();
		url = shared.env.CHILD_DATABASE_URL;
		db = await shared.open();
	});
	afterEach(async () => {
		await db?.close();
		await shared?.drop();
	});

	const notify = (payload: string) => db.query(`select pg_notify('trama_events', $1)`, [payload]);
	/** Ends every LISTEN connection to this database from the server's side, as a restart would. */
	async function terminateListeners(): Promise<number> {
		const { rows } = await db.query(
			`select pg_terminate_backend(pid) from pg_stat_activity
			 where datname = current_database() and query ilike 'listen %' and pid <> pg_backend_pid()`
		);
		return rows.length;
	}

	it('comes back after the server ends its connection, tells each handler once, and hears again', async () => {
		const listener = postgresListener(url);
		const first: string[] = [];
		const second: string[] = [];
		await listener.listen('trama_events', (payload) => first.push(payload));
		await listener.listen('trama_events', (payload) => second.push(payload));
		await notify('prima');
		await eventually(() => expect([first, second]).toEqual([['prima'], ['prima']]));

		expect(await terminateListeners()).toBe(1);
		await eventually(() => expect([first, second]).toEqual([['prima', ''], ['prima', '']]));
		await notify('dopo');
		await eventually(() => expect([first, second]).toEqual([['prima', '', 'dopo'], ['prima', '', 'dopo']]));
		await listener.close();
	});

	it('keeps trying while the server refuses connections, and tells the handlers once when it is back', async () => {
		const proxy = await startProxy(new URL(url));
		const listener = postgresListener(proxy.url);
		const heard: string[] = [];
		await listener.listen('trama_events', (payload) => heard.push(payload));
		proxy.refuse();
		expect(await terminateListeners()).toBe(1);
		// The first connection, then two attempts to come back, refused.
		await eventually(() => expect(proxy.arrived).toBe(3));
		expect(heard).toEqual([]);
		proxy.pass();
		await eventually(() => expect(heard).toEqual(['']), 5_000);
		await notify('di nuovo');
		await eventually(() => expect(heard).toEqual(['', 'di nuovo']));
		await listener.close();
		await proxy.close();
	});

	it('leaves no connection behind and tells nobody when it is closed in the middle of coming back', async () => {
		const proxy = await startProxy(new URL(url));
		const listener = postgresListener(proxy.url);
		const heard: string[] = [];
		await listener.listen('trama_events', (payload) => heard.push(payload));
		proxy.hold();
		expect(await terminateListeners()).toBe(1);
		await eventually(() => expect(proxy.arrived).toBe(2));
		await listener.close();
		proxy.pass();
		// The connection made after close() is ended at once, before anyone hears of it.
		await eventually(() => expect(proxy.open).toBe(0));
		expect(heard).toEqual([]);
		await proxy.close();
	});
});
