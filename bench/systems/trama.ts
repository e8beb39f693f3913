// Trama's own collab server (src/lib/server/collab), started the way the app
// starts it: createCollabServer({ db, auth }) over a node-postgres Database
// and the embedded auth provider, its handleUpgrade on an http.Server's
// 'upgrade' event, path /collab/<documentId>. Clients are the same
// y-websocket WebsocketProvider the browser uses, sending the person's
// `trama_session` cookie; the server checks the session and the person's
// role in the document's network on every upgrade, exactly as in production.
// Documents are seeded as a row of public.document_snapshots, which the
// server loads cold from Postgres. On several processes (W1 × 2) each is
// such a server on the same database; `trama` keeps the default bus (Postgres
// LISTEN/NOTIFY), `trama-redis` passes redisBus(BENCH_REDIS_URL) as the app
// does when REDIS_URL is set.
import { existsSync } from 'node:fs';
import type { RunningServer, StartOptions, System } from './types.ts';

const COLLAB = new URL('../../src/lib/server/collab/index.ts', import.meta.url);

/** Whether the lead's collab module is there yet (the bench skips Trama, saying so, when it is not). */
export function tramaAvailable(): boolean {
	return existsSync(COLLAB);
}

export const trama: System = {
	name: 'trama',
	protocol: 'y-websocket',
	persistence:
		'its own: public.document_snapshots (compacted snapshot) + public.document_updates (log), as the app writes them',

	async prepare() {
		// The schema comes from supabase/migrations, applied by bench/db.ts.
	},

	async seed(db, documents) {
		for (const d of documents) {
			await db.query(
				`insert into public.document_snapshots (document_id, state) values ($1, $2)
				 on conflict (document_id) do update set state = excluded.state`,
				[d.id, Buffer.from(d.state)]
			);
		}
	},

	endpoint(port, documentId, user) {
		return {
			protocol: 'y-websocket',
			url: `ws://127.0.0.1:${port}/collab`,
			room: documentId,
			headers: { cookie: `trama_session=${user.token}` }
		};
	},

	multiProcess: { how: 'two processes on one database, the default bus: Postgres LISTEN/NOTIFY' },

	start: (options) => startTrama(options, 'default')
};

/** Trama with the Redis bus: measured only across processes, where the bus matters. */
export const tramaRedis: System = {
	...trama,
	name: 'trama-redis',
	multiProcess: { how: 'two processes on one database, redisBus(BENCH_REDIS_URL) as with REDIS_URL set' },
	onlyMultiProcess: true,
	usesRedis: true,
	start: (options) => startTrama(options, 'redis')
};

async function startTrama({ databaseUrl, redisUrl, processes }: StartOptions, bus: 'default' | 'redis'): Promise<RunningServer> {
	const http = await import('node:http');
	const { openPostgres } = await import('../../src/lib/server/db/postgres.ts');
	const { embeddedAuth } = await import('../../src/lib/server/auth/embedded.ts');
	const { createCollabServer } = await import(COLLAB.href);
	const db = await openPostgres(databaseUrl);
	// BENCH_TRAMA_SETTINGS='{"flushDelayMs":400}' tries other settings (reported in RESULTS.md).
	const settings = process.env.BENCH_TRAMA_SETTINGS ? JSON.parse(process.env.BENCH_TRAMA_SETTINGS) : undefined;
	const options: Record<string, unknown> = { db, auth: embeddedAuth(db), settings };
	if (bus === 'redis') options.bus = (await import('../../src/lib/server/collab/bus-redis.ts')).redisBus(redisUrl);
	// BENCH_TRAMA_BUS=none: trama without its default Postgres bus on one process (an experiment, noted in RESULTS.md).
	else if (process.env.BENCH_TRAMA_BUS === 'none' && processes === 1) options.bus = (await import('../../src/lib/server/collab/bus.ts')).singleProcess;
	const collab = createCollabServer(options);
	const server = http.createServer((_req, res) => res.writeHead(404).end());
	server.on('upgrade', (req, socket, head) => {
		if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as import('node:net').AddressInfo).port,
		async close() {
			await collab.close();
			server.close();
			await db.close();
		}
	};
}
