// After the sweep, with the server stopped: every row of every table that
// holds a request's marker. Rows are read as JSON text, so bytea columns
// show as hex and a marker inside one (a Yjs state) is not seen; the
// sweep's requests write no such column.
import type { Database } from '../../src/lib/server/db/types.ts';
import { MARKER } from './corpus.ts';

export interface StoredMarker {
	/** schema.table */
	table: string;
	/** The request whose marker it is. */
	n: number;
	excerpt: string;
}

export async function findMarkers(db: Database): Promise<StoredMarker[]> {
	const { rows: tables } = await db.query<{ name: string }>(
		`select format('%I.%I', table_schema, table_name) as name from information_schema.tables
		 where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') and table_schema not like 'pg\\_%'
		 order by 1`
	);
	const found: StoredMarker[] = [];
	for (const { name } of tables) {
		const { rows } = await db.query<{ row: string }>(`select row_to_json(t)::text as row from ${name} t where row_to_json(t)::text like '%zzq%'`);
		for (const { row } of rows) {
			for (const match of new Set([...row.matchAll(MARKER)].map((m) => Number(m[1])))) {
				const at = row.indexOf(`zzq${match}_`);
				found.push({ table: name, n: match, excerpt: row.slice(Math.max(0, at - 60), at + 80) });
			}
		}
	}
	return found;
}
