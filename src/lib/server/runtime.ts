import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { readConfig, type Config } from './config.ts';
import type { Database } from './db/types.ts';
import { lockDataFolder } from './db/data-folder-lock.ts';
import { migrate } from './db/migrate.ts';
import type { AuthPort } from './auth/types.ts';
import { embeddedAuth } from './auth/embedded.ts';
import { mailerFromEnv, type Mailer } from './mail.ts';
import { createCollabServer, type CollabServer } from './collab/index.ts';
import { createLiveHub, type LiveHub } from './live/hub.ts';
import type { FileStore } from './files/store.ts';
import { openStore } from './files/open-store.ts';
import { createFileEndpoints, type FileEndpoints } from './files/http.ts';
import { startSweeping } from './files/sweeper.ts';
import { startReviewReminders } from './documents/review-reminders.ts';
import { startPlanReminders } from './plan/reminders.ts';

export interface Runtime {
	config: Config;
	db: Database;
	auth: AuthPort;
	/** Null when no SMTP server is configured: invitation links are then copied by hand. */
	mailer: Mailer | null;
	collab: CollabServer;
	/** Tells open pages what changed, whichever process changed it. */
	live: LiveHub;
	/** Where file bytes live: local disk or Supabase Storage. */
	fileStore: FileStore;
	/** The upload and download endpoints, served in front of SvelteKit. */
	files: FileEndpoints;
	/** Stores pending document changes, then closes the database. */
	close(): Promise<void>;
}

// What only one mode uses is imported by that mode when it starts: the
// embedded mode never loads node-postgres, Supabase's clients or ioredis, nor
// the Postgres mode PGlite; the demo seed (and Tiptap, which builds its
// documents) is loaded only when there is a demo to seed (bench/AT-REST.md).

export async function openDatabase(config: Config): Promise<Database> {
	if (config.databaseUrl) return (await import('./db/postgres.ts')).openPostgres(config.databaseUrl);
	const { openPglite } = await import('./db/pglite.ts');
	const dir = path.join(config.dataDir, 'pglite');
	mkdirSync(dir, { recursive: true });
	const release = lockDataFolder(dir);
	try {
		const db = await openPglite(dir);
		return { ...db, close: () => db.close().finally(release) };
	} catch (error) {
		release();
		throw error;
	}
}

/** Whether the database has no accounts yet: the demo's condition, which seedDemo checks again. */
async function noAccountsYet(db: Database): Promise<boolean> {
	const { rows } = await db.query<{ empty: boolean }>('select not exists (select 1 from auth.users) as empty');
	return rows[0].empty;
}

async function start(config: Config): Promise<Runtime> {
	const db = await openDatabase(config);
	await migrate(db, { embeddedAuth: !config.supabase });
	const auth = config.supabase ? (await import('./auth/supabase.ts')).supabaseAuth(config.supabase) : embeddedAuth(db);
	const fileStore = await openStore(config.files.store);
	if (config.seedDemo && !config.supabase && (await noAccountsYet(db))) {
		const [{ seedDemo }, { seedDemoFiles }] = await Promise.all([import('./db/seed.ts'), import('./files/demo-files.ts')]);
		if (await seedDemo(db)) await seedDemoFiles(db, fileStore);
	}
	const bus = config.redisUrl ? (await import('./collab/bus-redis.ts')).redisBus(config.redisUrl) : undefined;
	const collab = createCollabServer({ db, auth, bus });
	const live = createLiveHub(db);
	const files = createFileEndpoints({ db, auth, store: fileStore, uploadLimit: config.files.uploadLimit });
	const stopSweeping = startSweeping(db, fileStore);
	const stopReminding = startReviewReminders(db);
	const stopPlanReminders = startPlanReminders(db);
	return {
		config,
		db,
		auth,
		mailer: mailerFromEnv(),
		collab,
		live,
		fileStore,
		files,
		async close() {
			await stopSweeping();
			await stopReminding();
			await stopPlanReminders();
			await collab.close();
			await live.close();
			await db.close();
		}
	};
}

// Kept on globalThis so that every bundle loaded in this process (the
// SvelteKit server, the production entry, Vite's dev server) shares one
// database and one collaboration server.
const KEY = Symbol.for('trama.runtime');
type Holder = { [KEY]?: Promise<Runtime> };

/** The process-wide database and auth provider, started once on first use. */
export function runtime(): Promise<Runtime> {
	const holder = globalThis as Holder;
	holder[KEY] ??= start(readConfig()).catch((error) => {
		delete holder[KEY];
		throw error;
	});
	return holder[KEY];
}
