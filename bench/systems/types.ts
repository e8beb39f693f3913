// One interface for the three servers under test. The orchestrator uses the
// metadata and `prepare`/`seed` (storage in the bench database) and
// `endpoint` (what a client connects to); the server child process calls
// `start`, which imports the server itself, so that the orchestrator never
// loads any of them.
import type pg from 'pg';

export type SystemName = 'trama' | 'trama-redis' | 'hocuspocus' | 'y-websocket-server';
export type Protocol = 'y-websocket' | 'hocuspocus';

/** A person of the bench network, signed in with an embedded-auth session. */
export interface BenchUser {
	id: string;
	role: 'editor' | 'viewer';
	/** The `trama_session` cookie value; its sha256 is in trama_auth.sessions. */
	token: string;
}

/** Everything a client worker needs to open one document. */
export interface Endpoint {
	protocol: Protocol;
	/** y-websocket: the server URL the room is appended to; Hocuspocus: the socket URL. */
	url: string;
	/** y-websocket room (appended as /room) or Hocuspocus document name. */
	room: string;
	headers: Record<string, string>;
}

/** How a server process is started: alone, or as one of several sharing the documents. */
export interface StartOptions {
	databaseUrl: string;
	/** Server processes serving the same documents in this run (1 but in W1 × 2). */
	processes: number;
	/** Where Redis is, for the systems that fan out over it (trama-redis; Hocuspocus on several processes). */
	redisUrl: string;
}

export interface RunningServer {
	port: number;
	/** Stores pending changes and closes every socket. */
	close(): Promise<void>;
}

export interface System {
	name: SystemName;
	protocol: Protocol;
	/** How this system keeps documents in Postgres, for RESULTS.md. */
	persistence: string;
	/** Creates the tables this system's documents are stored in (orchestrator, before seeding). */
	prepare(db: pg.Client): Promise<void>;
	/** Stores documents where this system loads them from, so a fresh server opens them cold from Postgres. */
	seed(db: pg.Client, documents: { id: string; state: Uint8Array }[]): Promise<void>;
	endpoint(port: number, documentId: string, user: BenchUser): Endpoint;
	/** In the server child process: starts listening on 127.0.0.1, port 0. */
	start(options: StartOptions): Promise<RunningServer>;
	/** How it runs on several processes (W1 × 2), or why it cannot (then that workload shows "—" for it). */
	multiProcess: { how: string } | { cannot: string };
	/** A variant measured only where it differs from its base system (trama-redis: only across processes). */
	onlyMultiProcess?: boolean;
	/** Also needs Redis (BENCH_REDIS_URL) when on several processes, or always with `onlyMultiProcess`. */
	usesRedis?: boolean;
}

/** Debounced full-state storage like Hocuspocus's default (2 s, at most 10 s), for the peers' Postgres persistence. */
export function debouncedStore(store: () => Promise<void>, wait = 2_000, maxWait = 10_000) {
	let timer: NodeJS.Timeout | null = null;
	let first = 0;
	let running: Promise<void> = Promise.resolve();
	const flush = () => {
		if (timer) clearTimeout(timer);
		timer = null;
		first = 0;
		running = running.then(store, store);
		return running;
	};
	return {
		schedule() {
			const t = Date.now();
			if (!first) first = t;
			if (timer) clearTimeout(timer);
			timer = setTimeout(flush, Math.max(0, Math.min(wait, first + maxWait - t)));
		},
		/** Stores now if anything is pending. */
		async flush() {
			if (timer) await flush();
			await running;
		}
	};
}

/** A table of one bytea snapshot per document: how both peers keep documents in Postgres here. */
export function snapshotTable(table: string) {
	return {
		async prepare(db: pg.Client) {
			await db.query(
				`create table if not exists ${table} (name text primary key, state bytea not null, updated_at timestamptz not null default now())`
			);
		},
		async seed(db: pg.Client, documents: { id: string; state: Uint8Array }[]) {
			for (const d of documents) await this.store(db, d.id, d.state);
		},
		async load(db: pg.Pool | pg.Client, name: string): Promise<Uint8Array | null> {
			const { rows } = await db.query(`select state from ${table} where name = $1`, [name]);
			return rows[0]?.state ?? null;
		},
		async store(db: pg.Pool | pg.Client, name: string, state: Uint8Array) {
			await db.query(
				`insert into ${table} (name, state) values ($1, $2)
				 on conflict (name) do update set state = excluded.state, updated_at = now()`,
				[name, Buffer.from(state)]
			);
		}
	};
}
