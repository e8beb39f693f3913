import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite } from '../../src/lib/server/db/pglite.ts';
import { openPostgres } from '../../src/lib/server/db/postgres.ts';
import { migrate } from '../../src/lib/server/db/migrate.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

/** A migrated database that another process can open too (one at a time, for PGlite). */
export interface SharedDatabase {
	/** What tests/integration/collab/child-server.ts needs to open it. */
	env: Record<string, string>;
	open(): Promise<Database>;
	drop(): Promise<void>;
}

export interface Backend {
	name: 'pglite' | 'postgres';
	/** A new, empty, migrated database of its own, dropped by the returned close(). */
	fresh(): Promise<Database>;
	shared(): Promise<SharedDatabase>;
}

const pglite: Backend = {
	name: 'pglite',
	async fresh() {
		const db = await openPglite();
		await migrate(db, { embeddedAuth: true });
		return db;
	},
	async shared() {
		const dir = mkdtempSync(path.join(tmpdir(), 'trama-pglite-'));
		const db = await openPglite(dir);
		await migrate(db, { embeddedAuth: true });
		await db.close();
		return {
			env: { CHILD_PGLITE_DIR: dir },
			open: () => openPglite(dir),
			drop: async () => rmSync(dir, { recursive: true, force: true })
		};
	}
};

/** One statement on the server as its administrator (create or drop a database). */
export async function adminQuery(url: string, sql: string) {
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	try {
		await admin.query(sql);
	} finally {
		await admin.end();
	}
}

function postgres(url: string): Backend {
	async function createDatabase() {
		const name = `trama_test_${randomBytes(6).toString('hex')}`;
		await adminQuery(url, `create database ${name}`);
		const target = new URL(url);
		target.pathname = `/${name}`;
		const db = await openPostgres(target.toString(), 4);
		await migrate(db, { embeddedAuth: true });
		return { db, url: target.toString(), drop: () => adminQuery(url, `drop database if exists ${name} with (force)`) };
	}
	return {
		name: 'postgres',
		async fresh() {
			const { db, drop } = await createDatabase();
			const close = db.close;
			return {
				...db,
				async close() {
					await close();
					await drop();
				}
			};
		},
		async shared() {
			const created = await createDatabase();
			await created.db.close();
			return { env: { CHILD_DATABASE_URL: created.url }, open: () => openPostgres(created.url, 4), drop: created.drop };
		}
	};
}

/** PGlite always; a real Postgres server too when TEST_DATABASE_URL names one (CI sets it). */
export const backends: Backend[] = process.env.TEST_DATABASE_URL
	? [pglite, postgres(process.env.TEST_DATABASE_URL)]
	: [pglite];
