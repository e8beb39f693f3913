import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './databases.ts';
import { listMigrations, migrate } from '../../src/lib/server/db/migrate.ts';
import { seedDemo, DEMO_ACCOUNTS } from '../../src/lib/server/db/seed.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';

describe.each(backends)('migrations on $name', (backend) => {
	let db: Database;
	beforeAll(async () => {
		db = await backend.fresh();
	});
	afterAll(() => db?.close());

	it('records every migration file the way the Supabase CLI does', async () => {
		const { rows } = await db.query<{ version: string }>(
			'select version from supabase_migrations.schema_migrations order by version'
		);
		expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
	});

	it('applies nothing the second time', async () => {
		expect(await migrate(db, { embeddedAuth: true })).toEqual([]);
	});

	it('enables row-level security on every table in public', async () => {
		const { rows } = await db.query<{ relname: string; relrowsecurity: boolean }>(
			`select c.relname, c.relrowsecurity from pg_class c
			 join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind = 'r' order by 1`
		);
		expect(rows.length).toBeGreaterThanOrEqual(5);
		expect(rows.filter((r) => !r.relrowsecurity)).toEqual([]);
	});

	it("keeps the collab servers' own schema out of the API's roles, anonymous and signed in", async () => {
		for (const claims of [null, { sub: crypto.randomUUID(), email: 'chiunque@example.org', role: 'authenticated' as const }]) {
			for (const statement of [
				'select * from trama_collab.relay',
				`insert into trama_collab.relay (payload) values ('\\x00')`,
				'delete from trama_collab.relay',
				`select trama_collab.take_turn('compact', gen_random_uuid())`,
				`select * from trama_collab.admission('{}', gen_random_uuid())`
			]) {
				await expect(withUser(db, claims, (tx) => tx.query(statement)), statement).rejects.toThrow(/permission denied/);
			}
		}
	});

	it('seeds the demo network once, with partners in all four systems', async () => {
		expect(await seedDemo(db)).toBe(true);
		expect(await seedDemo(db)).toBe(false);
		const { rows } = await db.query<{ system: string }>('select distinct unnest(systems)::text as system from public.partners order by 1');
		expect(rows.map((r) => r.system)).toEqual(['employment', 'health', 'social', 'training']);
		const members = await db.query<{ role: string }>('select m.role::text as role from public.memberships m order by m.role');
		expect(members.rows.map((r) => r.role)).toEqual(['facilitator', 'editor', 'commenter', 'viewer']);
		const profiles = await db.query('select id from public.profiles');
		expect(profiles.rows).toHaveLength(DEMO_ACCOUNTS.length);
		const documents = await db.query<{ kind: string; sections: boolean }>(
			`select d.kind::text as kind, d.content_text <> '' and s.state is not null as sections
			 from public.documents d join public.document_snapshots s on s.document_id = d.id order by 1`
		);
		expect(documents.rows).toEqual(
			['co_design', 'community_pact', 'minutes', 'territorial_map'].map((kind) => ({ kind, sections: true }))
		);
	});
});
