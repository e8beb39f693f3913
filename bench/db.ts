// The bench database: dropped and created afresh on every run, with Trama's
// schema applied the way migrate() applies it (the shim, embedded auth, then
// supabase/migrations in order — migrate() itself needs Vite's
// import.meta.glob), people signed in with embedded-auth sessions, one
// network they are members of (editors and viewers), the documents, and
// each system's copy of every document's initial state.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import type { BenchUser, System } from './systems/types.ts';

const ROOT = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

export function databaseUrl(serverUrl: string, name: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`drop database if exists ${name} with (force)`);
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = databaseUrl(serverUrl, name);
	const db = new pg.Client({ connectionString: url });
	await db.connect();
	await db.query(read('src/lib/server/db/supabase-shim.sql'));
	await db.query(read('src/lib/server/auth/embedded-schema.sql'));
	const migrations = readdirSync(new URL('supabase/migrations/', ROOT))
		.filter((f) => f.endsWith('.sql'))
		.sort();
	for (const file of migrations) await db.query(read(`supabase/migrations/${file}`));
	await db.end();
	return url;
}

export interface Fixture {
	editors: BenchUser[];
	viewers: BenchUser[];
	networkId: string;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest();

/** `editors` and `viewers` people, each with a live session, all in one network. */
export async function createPeople(db: pg.Client, editors: number, viewers: number): Promise<Fixture> {
	const make = async (role: 'editor' | 'viewer', n: number): Promise<BenchUser[]> => {
		const emails = Array.from({ length: n }, (_, i) => `bench-${role}-${i}@example.org`);
		const { rows } = await db.query<{ id: string; email: string }>(
			`insert into auth.users (email, raw_user_meta_data)
			 select e, jsonb_build_object('display_name', e, 'locale', 'it') from unnest($1::text[]) as e
			 returning id, email`,
			[emails]
		);
		const byEmail = new Map(rows.map((r) => [r.email, r.id]));
		const users = emails.map((email, i) => ({
			id: byEmail.get(email)!,
			role,
			token: `bench-${role}-${i}-${createHash('sha256').update(email + Math.random()).digest('hex').slice(0, 24)}`
		}));
		await db.query(
			`insert into trama_auth.sessions (token_hash, user_id, expires_at)
			 select h, u, now() + interval '1 day' from unnest($1::bytea[], $2::uuid[]) as s(h, u)`,
			[users.map((u) => sha256(u.token)), users.map((u) => u.id)]
		);
		return users;
	};
	const editorUsers = await make('editor', editors);
	const viewerUsers = await make('viewer', viewers);
	const { rows } = await db.query<{ id: string }>(
		`insert into public.networks (name, territory, description, created_by)
		 values ('Rete bench — Inserimento lavorativo', 'Ambito di Frosinone', 'Benchmark', $1) returning id`,
		[editorUsers[0].id]
	);
	const networkId = rows[0].id;
	// The creator is already its facilitator (trigger); everyone else joins.
	await db.query(
		`insert into public.memberships (network_id, user_id, role)
		 select $1, u, r::public.network_role from unnest($2::uuid[], $3::text[]) as m(u, r)`,
		[
			networkId,
			[...editorUsers.slice(1), ...viewerUsers].map((u) => u.id),
			[...editorUsers.slice(1), ...viewerUsers].map((u) => u.role)
		]
	);
	return { editors: editorUsers, viewers: viewerUsers, networkId };
}

/** Creates `n` co-design documents in the network; returns their ids. */
export async function createDocuments(db: pg.Client, fixture: Fixture, label: string, n: number): Promise<string[]> {
	const { rows } = await db.query<{ id: string }>(
		`insert into public.documents (network_id, kind, title, created_by)
		 select $1, 'co_design', $2 || ' ' || i, $3 from generate_series(1, $4) as i
		 returning id`,
		[fixture.networkId, `Bench ${label}`, fixture.editors[0].id, n]
	);
	return rows.map((r) => r.id);
}

/** Gives every system its own stored copy of each document. */
export async function seedAll(
	db: pg.Client,
	systems: System[],
	documents: { id: string; state: Uint8Array }[]
): Promise<void> {
	const done = new Set<System['seed']>();
	for (const system of systems) {
		// trama-redis stores its documents where trama does.
		if (done.has(system.seed)) continue;
		done.add(system.seed);
		await system.prepare(db);
		await system.seed(db, documents);
	}
}
