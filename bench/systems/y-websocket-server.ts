// The stock y-websocket server, @y/websocket-server 0.1.1 (the last release
// on yjs 13): its setupWSConnection on a `ws` WebSocketServer. Its own
// persistence is LevelDB or nothing; for a fair cold open it gets the same
// Postgres snapshot persistence as Hocuspocus through its setPersistence
// hook: bindState loads a bytea snapshot, changes are stored debounced
// (2 s, at most 10 s), writeState flushes when the last client leaves.
// Note that setupWSConnection does not wait for bindState: the first sync
// answers from the still-empty document and the loaded content follows as
// an update, which is why open times are measured to the content, not to
// the `synced` event alone.
import { debouncedStore, snapshotTable, type System } from './types.ts';

const snapshots = snapshotTable('bench_ywss');

export const yWebsocketServer: System = {
	name: 'y-websocket-server',
	protocol: 'y-websocket',
	persistence:
		'setPersistence with node-postgres: bindState loads one bytea snapshot per document from bench_ywss, changes stored debounced 2 s / max 10 s, flushed when the last client leaves',

	prepare: (db) => snapshots.prepare(db),
	seed: (db, documents) => snapshots.seed(db, documents),

	endpoint(port, documentId) {
		return { protocol: 'y-websocket', url: `ws://127.0.0.1:${port}`, room: documentId, headers: {} };
	},

	multiProcess: { cannot: 'the stock y-websocket server has no way to share a document between processes' },

	async start({ databaseUrl }) {
		const { default: pg } = await import('pg');
		const Y = await import('yjs');
		const http = await import('node:http');
		const { WebSocketServer } = await import('ws');
		const utils = await import('@y/websocket-server/utils');
		const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
		const stores = new Map<string, ReturnType<typeof debouncedStore>>();
		utils.setPersistence({
			provider: null,
			bindState: async (name: string, ydoc: InstanceType<typeof Y.Doc>) => {
				const state = await snapshots.load(pool, name);
				if (state) Y.applyUpdate(ydoc, state);
				const store = debouncedStore(() => snapshots.store(pool, name, Y.encodeStateAsUpdate(ydoc)));
				stores.set(name, store);
				ydoc.on('update', () => store.schedule());
			},
			writeState: async (name: string) => {
				await stores.get(name)?.flush();
				stores.delete(name);
			}
		});
		const wss = new WebSocketServer({ noServer: true });
		wss.on('connection', (conn, req) => utils.setupWSConnection(conn, req));
		const server = http.createServer((_req, res) => res.writeHead(404).end());
		server.on('upgrade', (req, socket, head) => {
			wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return {
			port: (server.address() as import('node:net').AddressInfo).port,
			async close() {
				for (const ws of wss.clients) ws.close();
				await Promise.all([...stores.values()].map((s) => s.flush()));
				server.close();
				await pool.end();
			}
		};
	}
};
