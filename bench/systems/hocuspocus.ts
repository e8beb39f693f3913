// Hocuspocus 4.7 (@hocuspocus/server) as its documentation sets it up, with
// the database persistence its Database extension would give (that package
// is not installed): onLoadDocument reads a bytea snapshot from Postgres,
// onStoreDocument writes the whole state back, debounced by Hocuspocus's own
// defaults (2 s, at most 10 s). Clients speak its protocol through
// @hocuspocus/provider. On several processes (W1 × 2) each server also gets
// @hocuspocus/extension-redis, as its documentation scales it: changes and
// presence over Redis pub/sub, one process storing a document at a time
// (its Redis lock).
import { snapshotTable, type System } from './types.ts';

const snapshots = snapshotTable('bench_hocuspocus');

export const hocuspocus: System = {
	name: 'hocuspocus',
	protocol: 'hocuspocus',
	persistence:
		'onLoadDocument / onStoreDocument hooks (the Database extension’s shape) with node-postgres: one bytea snapshot per document in bench_hocuspocus, stored debounced 2 s / max 10 s',

	prepare: (db) => snapshots.prepare(db),
	seed: (db, documents) => snapshots.seed(db, documents),

	endpoint(port, documentId) {
		return { protocol: 'hocuspocus', url: `ws://127.0.0.1:${port}`, room: documentId, headers: {} };
	},

	multiProcess: { how: 'two processes with @hocuspocus/extension-redis (new Redis({ host, port }))' },
	usesRedis: true,

	async start({ databaseUrl, processes, redisUrl }) {
		const { default: pg } = await import('pg');
		const Y = await import('yjs');
		const { Server } = await import('@hocuspocus/server');
		const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
		const extensions = [];
		if (processes > 1) {
			const { Redis } = await import('@hocuspocus/extension-redis');
			const { hostname, port } = new URL(redisUrl);
			// Its own prefix, so that another bench on the same Redis never hears this one.
			extensions.push(new Redis({ host: hostname, port: Number(port || 6379), prefix: `trama-bench-${process.ppid}` }));
			// Its Redis lock working as meant (the other process stores the document) is logged
			// on every debounced store: kept out of the bench's output.
			const error = console.error.bind(console);
			console.error = (...args: unknown[]) => {
				if (args[0] === '[onStoreDocument]' && String(args[1]).startsWith('Another instance is already storing')) return;
				error(...args);
			};
		}
		const server = new Server({
			extensions,
			port: 0,
			address: '127.0.0.1',
			quiet: true,
			stopOnSignals: false,
			async onLoadDocument({ documentName, document }) {
				const state = await snapshots.load(pool, documentName);
				if (state) Y.applyUpdate(document, state);
				return document;
			},
			async onStoreDocument({ documentName, document }) {
				await snapshots.store(pool, documentName, Y.encodeStateAsUpdate(document));
			}
		});
		await server.listen();
		return {
			port: server.address.port,
			async close() {
				await server.destroy();
				await pool.end();
			}
		};
	}
};
