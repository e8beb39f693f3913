import { PGlite } from '@electric-sql/pglite';
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

/** Embedded Postgres: on disk under dataDir, or in memory when dataDir is undefined (tests). */
export async function openPglite(dataDir?: string): Promise<Database> {
	const pg = await PGlite.create(dataDir);
	return {
		kind: 'pglite',
		...queryable(pg),
		transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
		listen: (channel, onPayload) => pg.listen(channel, onPayload),
		close: () => pg.close()
	};
}
