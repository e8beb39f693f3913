import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite } from '../../src/lib/server/db/pglite.ts';
import { openPostgres } from '../../src/lib/server/db/postgres.ts';
import { migrate } from '../../src/lib/server/db/migrate.ts';
import type { Database } from '../../src/lib/server/db/types.ts';

export interface Backend {
	name: 'pglite' | 'postgres';
	/** A new, empty, migrated database of its own, dropped by the returned close(). */
	fresh(): Promise<Database>;
}

const pglite: Backend = {
	name: 'pglite',
	async fresh() {
		const db = await openPglite();
		await migrate(db, { embeddedAuth: true });
		return db;
	}
};

function postgres(url: string): Backend {
	return {
		name: 'postgres',
		async fresh() {
			const name = `trama_test_${randomBytes(6).toString('hex')}`;
			const admin = new pg.Client({ connectionString: url });
			await admin.connect();
			await admin.query(`create database ${name}`);
			await admin.end();
			const target = new URL(url);
			target.pathname = `/${name}`;
			const db = await openPostgres(target.toString(), 4);
			await migrate(db, { embeddedAuth: true });
			const close = db.close;
			return {
				...db,
				async close() {
					await close();
					const dropper = new pg.Client({ connectionString: url });
					await dropper.connect();
					await dropper.query(`drop database if exists ${name} with (force)`);
					await dropper.end();
				}
			};
		}
	};
}

/** PGlite always; a real Postgres server too when TEST_DATABASE_URL names one (CI sets it). */
export const backends: Backend[] = process.env.TEST_DATABASE_URL
	? [pglite, postgres(process.env.TEST_DATABASE_URL)]
	: [pglite];
