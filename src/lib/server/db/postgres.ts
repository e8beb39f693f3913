import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable } from './types.ts';
import { postgresListener } from './postgres-listener.ts';
import { log } from '../log.ts';

// A prepared statement's name on every connection: one per SQL text.
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
	let name = statementNames.get(sql);
	if (!name) statementNames.set(sql, (name = 'trama_' + createHash('sha1').update(sql).digest('hex').slice(0, 20)));
	return name;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
	return {
		async query(sql, params, options) {
			const values = params as unknown[] | undefined;
			const result = await client.query(options?.prepare ? { name: statementName(sql), text: sql, values } : { text: sql, values });
			return { rows: result.rows };
		},
		async exec(sql) {
			// Without parameters node-postgres uses the simple protocol, which takes many statements.
			await client.query(sql);
		}
	};
}

/** A Postgres server (Debian's, or Supabase's) named by a connection URL. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
	// Every connection is opened now and kept: a new one costs Postgres about
	// 25 ms of CPU (fork, authentication), which the first requests after a
	// start or a quiet spell would otherwise pay, one after the other.
	const pool = new pg.Pool({ connectionString: url, max: poolSize, min: poolSize });
	// An idle client that loses its server must not take the process down.
	pool.on('error', (error) => log.error({ err: error }, 'postgres pool error'));
	const opened = await Promise.all(Array.from({ length: poolSize }, () => pool.connect()));
	for (const client of opened) client.release();
	const listener = postgresListener(url);
	return {
		kind: 'postgres',
		...queryable(pool),
		async transaction(fn) {
			const client = await pool.connect();
			// A checked-out client has no listener of the pool's: a server that goes
			// away between two statements must fail this transaction, not the process.
			let lost: Error | undefined;
			const onError = (error: Error) => (lost = error);
			client.on('error', onError);
			try {
				await client.query('begin');
				const result = await fn(queryable(client));
				await client.query('commit');
				return result;
			} catch (error) {
				await client.query('rollback').catch(() => {});
				throw error;
			} finally {
				client.off('error', onError);
				// With the error, the pool drops the broken client instead of lending it again.
				client.release(lost);
			}
		},
		listen: listener.listen,
		async close() {
			await listener.close();
			await pool.end();
		}
	};
}
