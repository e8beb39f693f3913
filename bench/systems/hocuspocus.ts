// Hocuspocus 4.7 (@hocuspocus/server) as its documentation sets it up, with
// the database persistence its Database extension would give (that package
// is not installed): onLoadDocument reads a bytea snapshot from Postgres,
// onStoreDocument writes the whole state back, debounced by Hocuspocus's own
// defaults (2 s, at most 10 s). Clients speak its protocol through
// @hocuspocus/provider.
import type pg from 'pg';
import type { System } from './types.ts';

export const hocuspocus: System = {
	name: 'hocuspocus',
	protocol: 'hocuspocus',
	persistence:
		'onLoadDocument / onStoreDocument hooks (the Database extension’s shape) with node-postgres: one bytea snapshot per document in bench_hocuspocus, stored debounced 2 s / max 10 s',

	async prepare(db: pg.Client) {
		await db.query(
			'create table if not exists bench_hocuspocus (name text primary key, state bytea not null, updated_at timestamptz not null default now())'
		);
	},

	async seed(db, documents) {
		for (const d of documents) {
			await db.query(
				'insert into bench_hocuspocus (name, state) values ($1, $2) on conflict (name) do update set state = excluded.state',
				[d.id, Buffer.from(d.state)]
			);
		}
	},

	endpoint(port, documentId) {
		return { protocol: 'hocuspocus', url: `ws://127.0.0.1:${port}`, room: documentId, headers: {} };
	},

	async start({ databaseUrl }) {
		const { default: pg } = await import('pg');
		const Y = await import('yjs');
		const { Server } = await import('@hocuspocus/server');
		const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
		const server = new Server({
			port: 0,
			address: '127.0.0.1',
			quiet: true,
			stopOnSignals: false,
			async onLoadDocument({ documentName, document }) {
				const { rows } = await pool.query('select state from bench_hocuspocus where name = $1', [documentName]);
				if (rows[0]) Y.applyUpdate(document, rows[0].state);
				return document;
			},
			async onStoreDocument({ documentName, document }) {
				await pool.query(
					`insert into bench_hocuspocus (name, state) values ($1, $2)
					 on conflict (name) do update set state = excluded.state, updated_at = now()`,
					[documentName, Buffer.from(Y.encodeStateAsUpdate(document))]
				);
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
