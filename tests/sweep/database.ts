// The database a swept server runs on, made ready before the server starts:
// migrated, the demo seeded (as the server would on its first start), a few
// rows the demo lacks but the routes need (a document version, an
// invitation whose token we know, a file in the bin, notifications), and a
// trigger that makes one kind of sign-up fail inside the database. PGlite
// takes one process at a time, so it is closed again before the server
// opens the same directory; the scan after the sweep reopens it.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { adminQuery } from '../integration/databases.ts';
import { openPglite } from '../../src/lib/server/db/pglite.ts';
import { openPostgres } from '../../src/lib/server/db/postgres.ts';
import { migrate } from '../../src/lib/server/db/migrate.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/lib/server/db/seed.ts';
import { withUser } from '../../src/lib/server/db/with-user.ts';
import type { Database } from '../../src/lib/server/db/types.ts';
import { seedDemoFiles } from '../../src/lib/server/files/demo-files.ts';
import { openDiskStore } from '../../src/lib/server/files/disk.ts';
import { binFile } from '../../src/lib/server/files/changes.ts';
import { saveVersion } from '../../src/lib/server/documents/queries.ts';
import { createInvitation } from '../../src/lib/server/networks/invitations.ts';

export type BackendName = 'pglite' | 'postgres';

export const DEMO = {
	network: 'de000000-0000-4000-8000-000000000001',
	/** The territorial map: every document route takes it, its entries page too. */
	mapDocument: 'dd000000-0000-4000-8000-000000000002',
	/** The community pact, whose sealed versions' routes take it. */
	pactDocument: 'dd000000-0000-4000-8000-000000000001',
	/** The co-design document, whose plan's routes take it. */
	coDesignDocument: 'dd000000-0000-4000-8000-000000000003',
	thread: 'de000000-0000-4000-8000-000000000201',
	folder: 'df000000-0000-4000-8000-000000000001',
	partner: 'de000000-0000-4000-8000-000000000101',
	comment: 'dc000000-0000-4000-8000-000000000001',
	password: 'Trama-demo-2026',
	facilitator: DEMO_ACCOUNTS[0],
	editor: DEMO_ACCOUNTS[1],
	viewer: DEMO_ACCOUNTS[3]
} as const;

/** Rows made for the sweep, whose ids the routes' parameters and the forms need. */
export interface Fixtures {
	file: string;
	fileVersion: string;
	binnedFile: string;
	documentVersion: string;
	invitationToken: string;
	/** The viewer's, opened by GET /notifications/[id]. */
	viewerNotification: string;
	entry: string;
	/** The demo pact's sealed version. */
	seal: string;
}

/** Sign-ups with an address starting so fail inside the database (see FORCED_FAILURE). */
export const FORCED_FAILURE_PREFIX = 'forced-failure';

// The failure carries the address and the password hash in its message and
// detail, as a real constraint or trigger error may: whatever the server
// logs of it must not.
const FORCED_FAILURE = `
create schema trama_sweep;
create function trama_sweep.forced_failure() returns trigger language plpgsql as $$
begin
  if new.email like '${FORCED_FAILURE_PREFIX}%' then
    raise exception 'forced failure for %', new.email using detail = new.encrypted_password, hint = new.email;
  end if;
  return new;
end
$$;
create trigger sweep_forced_failure before insert on auth.users
  for each row execute function trama_sweep.forced_failure();`;

export interface SweepDatabase {
	backend: BackendName;
	/** TRAMA_DATA_DIR of the server: the files, and PGlite's directory. */
	dataDir: string;
	/** What the server needs besides TRAMA_DATA_DIR to open this database. */
	env: Record<string, string>;
	open(): Promise<Database>;
	drop(): Promise<void>;
}

/** An empty database of its own: a PGlite directory, or `trama_sweep_<random>` on the TEST_DATABASE_URL server. */
export async function createDatabase(backend: BackendName): Promise<SweepDatabase> {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'trama-sweep-'));
	const removeDir = async () => rmSync(dataDir, { recursive: true, force: true });
	if (backend === 'pglite') {
		// Where the server's runtime looks for it under TRAMA_DATA_DIR.
		const dir = path.join(dataDir, 'pglite');
		return { backend, dataDir, env: {}, open: () => openPglite(dir), drop: removeDir };
	}
	const server = process.env.TEST_DATABASE_URL;
	if (!server) throw new Error('the Postgres sweep needs TEST_DATABASE_URL');
	const name = `trama_sweep_${randomBytes(6).toString('hex')}`;
	await adminQuery(server, `create database ${name}`);
	const url = new URL(server);
	url.pathname = `/${name}`;
	return {
		backend,
		dataDir,
		env: { DATABASE_URL: url.toString() },
		open: () => openPostgres(url.toString(), 2),
		async drop() {
			await adminQuery(server, `drop database if exists ${name} with (force)`);
			await removeDir();
		}
	};
}

const claimsOf = (account: { id: string; email: string }) => ({ sub: account.id, email: account.email, role: 'authenticated' as const });

/** Migrates and seeds the database, adds the fixtures and the forced failure, and closes it. */
export async function prepareDemo(database: SweepDatabase): Promise<Fixtures> {
	const db = await database.open();
	try {
		await migrate(db, { embeddedAuth: true });
		await seedDemo(db);
		await seedDemoFiles(db, await openDiskStore(path.join(database.dataDir, 'files')));
		const fixtures = await addFixtures(db);
		await db.exec(FORCED_FAILURE);
		return fixtures;
	} finally {
		await db.close();
	}
}

async function addFixtures(db: Database): Promise<Fixtures> {
	const one = async (sql: string, params: unknown[] = []) => {
		const { rows } = await db.query<{ id: string }>(sql, params);
		if (!rows[0]) throw new Error(`sweep fixture not found: ${sql}`);
		return rows[0].id;
	};
	const file = await one(`select id from public.files where network_id = $1 and name like '%.csv'`, [DEMO.network]);
	const png = await one(`select id from public.files where network_id = $1 and name like '%.png'`, [DEMO.network]);
	await withUser(db, claimsOf(DEMO.editor), (tx) => binFile(tx, DEMO.network, png));
	const state = (await db.query<{ state: Uint8Array }>('select state from public.document_snapshots where document_id = $1', [DEMO.mapDocument]))
		.rows[0].state;
	const documentVersion = await withUser(db, claimsOf(DEMO.facilitator), (tx) =>
		saveVersion(tx, DEMO.mapDocument, { name: 'Versione per lo sweep', state, text: '' })
	);
	const invitationToken = await withUser(db, claimsOf(DEMO.facilitator), (tx) =>
		createInvitation(tx, DEMO.network, { email: 'invitata.sweep@example.test', role: 'editor', partnerId: null })
	);
	// One for the facilitator too, so that the inbox renders its "mark read" form.
	const notify = (recipient: string) =>
		one(
			`insert into public.notifications (recipient_id, network_id, kind, actor_id, thread_id, excerpt)
			 values ($1, $2, 'mention', $3, $4, 'Notifica per lo sweep') returning id`,
			[recipient, DEMO.network, DEMO.editor.id, DEMO.thread]
		);
	await notify(DEMO.facilitator.id);
	return {
		file,
		fileVersion: await one('select id from public.file_versions where file_id = $1 order by number limit 1', [file]),
		binnedFile: png,
		documentVersion,
		invitationToken,
		viewerNotification: await notify(DEMO.viewer.id),
		entry: await one('select id from public.map_entries where document_id = $1 order by name limit 1', [DEMO.mapDocument]),
		seal: await one('select id from public.pact_seals where document_id = $1 order by number limit 1', [DEMO.pactDocument])
	};
}
