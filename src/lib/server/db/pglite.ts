import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { EMBEDDED_V8_FLAGS } from '../engine-flags.ts';
import type { Database, Queryable } from './types.ts';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function queryable(pg: PgliteLike): Queryable {
	return {
		async query(sql, params) {
			const result = await pg.query(sql, params);
			return { rows: result.rows as never[] };
		},
		async exec(sql) {
			await pg.exec(sql);
		}
	};
}

/**
 * Postgres's settings for the embedded database, on top of PGlite's own.
 * PGlite zeroes Postgres's shared memory when it starts, so all of it is
 * resident from the first second: with initdb's 128 MB of shared buffers that
 * was 145 MB of the process's RSS. 32 MB (4,096 pages) holds the demo's whole
 * database (25 MB of tables and indexes); a page that does not fit is read
 * back from the operating system's file cache.
 */
export const PGLITE_SETTINGS = ['-c', 'shared_buffers=32MB'];

const startParams = () => [...PGlite.defaultStartParams, ...PGLITE_SETTINGS];

// Runs in a node of its own (CommonJS, `node -e`): argv is PGlite's path, the data folder, the start parameters.
const INITDB_CHILD = `const [pglite, dir, params] = process.argv.slice(1);
require(pglite).PGlite.create(dir, { startParams: JSON.parse(params) }).then((pg) => pg.close());`;

/**
 * Creates the database cluster in an empty data folder (Postgres's initdb)
 * in a short-lived node process. PGlite runs initdb in a second PGlite and a
 * second WebAssembly module and copies the result over through a tarball in
 * memory: over 400 MB at its peak, and 50 MB of it stayed in this process
 * for good (glibc keeps the fragmented heap), where a child gives it all back.
 */
async function initdbApart(dataDir: string): Promise<void> {
	const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
	await promisify(execFile)(
		process.execPath,
		[...EMBEDDED_V8_FLAGS, '-e', INITDB_CHILD, pglite, dataDir, JSON.stringify(startParams())],
		{ maxBuffer: 16 * 1024 * 1024 }
	);
}

/** Embedded Postgres: on disk under dataDir, or in memory when dataDir is undefined (tests). */
export async function openPglite(dataDir?: string): Promise<Database> {
	if (dataDir && !existsSync(path.join(dataDir, 'PG_VERSION'))) await initdbApart(dataDir);
	const pg = await PGlite.create(dataDir, { startParams: startParams() });
	return {
		kind: 'pglite',
		...queryable(pg),
		transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
		listen: (channel, onPayload) => pg.listen(channel, onPayload),
		close: () => pg.close()
	};
}
