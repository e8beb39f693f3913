import type { Database } from './types.ts';
import shimSql from './supabase-shim.sql?raw';
import embeddedAuthSql from '../auth/embedded-schema.sql?raw';

const migrationFiles = import.meta.glob<string>('/supabase/migrations/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
});

export interface Migration {
	version: string;
	name: string;
	sql: string;
}

/** supabase/migrations in order, named the way the Supabase CLI names them. */
export function listMigrations(): Migration[] {
	return Object.entries(migrationFiles)
		.map(([path, sql]) => {
			const file = path.split('/').pop()!.replace(/\.sql$/, '');
			const [version, ...rest] = file.split('_');
			return { version, name: rest.join('_'), sql };
		})
		.sort((a, b) => a.version.localeCompare(b.version));
}

// Any constant will do: it only has to be the same in every Trama process.
const MIGRATION_LOCK = 7_421_001;

/**
 * Brings the database up to date. Applied versions are recorded in
 * supabase_migrations.schema_migrations, the table the Supabase CLI keeps, so
 * `supabase db push` and Trama agree on what has run. An advisory lock lets
 * several processes start against one server at once.
 */
export async function migrate(db: Database, options: { embeddedAuth: boolean }): Promise<string[]> {
	const applied: string[] = [];
	await db.transaction(async (tx) => {
		await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
		const { rows } = await tx.query<{ shim: boolean }>(
			`select to_regclass('auth.users') is null
			     or coalesce((select obj_description(oid, 'pg_namespace') from pg_namespace where nspname = 'auth'), '')
			        like 'trama-shim%' as shim`
		);
		if (rows[0].shim) await tx.exec(shimSql);
		if (options.embeddedAuth) await tx.exec(embeddedAuthSql);
		await tx.exec(`
			create schema if not exists supabase_migrations;
			create table if not exists supabase_migrations.schema_migrations (
				version text primary key, statements text[], name text
			)`);
		const done = new Set(
			(await tx.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map(
				(r) => r.version
			)
		);
		for (const migration of listMigrations()) {
			if (done.has(migration.version)) continue;
			await tx.exec(migration.sql);
			await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [
				migration.version,
				migration.name
			]);
			applied.push(migration.version);
		}
	});
	return applied;
}
