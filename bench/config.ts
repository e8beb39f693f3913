// What a run does. Counts are the and are not scaled; durations are
// kept short so that `npm run bench` ends within about a quarter of an hour on the
// 2-core machines. Flags (after `npm run bench --`) or environment:
//   --systems=trama,trama-redis,hocuspocus,y-websocket-server   BENCH_SYSTEMS
//     (trama-redis: Trama on the Redis bus, run only in w1x2)
//   --workloads=w1,w1x2,w2,w3,memory,open            BENCH_WORKLOADS
//   --quick   short windows, few open runs: a smoke test, results not written
//   --out=bench/RESULTS.md                           BENCH_OUT
//   BENCH_POSTGRES_URL (default postgres://postgres:postgres@127.0.0.1:5432/postgres)
//   BENCH_REDIS_URL (default redis://127.0.0.1:6379; w1x2's Redis fan-out)
import type { SystemName } from './systems/types.ts';

const flag = (name: string): string | undefined => {
	const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
	if (!arg) return process.env[`BENCH_${name.toUpperCase()}`];
	return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : 'true';
};

const quick = flag('quick') === 'true' || flag('quick') === '1';
const list = (value: string | undefined, all: string[]) => (value ? value.split(',').map((s) => s.trim()) : all);

export const WORKLOADS = ['w1', 'w1x2', 'w2', 'w3', 'memory', 'open'] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

export const config = {
	quick,
	postgresUrl: flag('postgres_url') ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
	redisUrl: flag('redis_url') ?? 'redis://127.0.0.1:6379',
	database: 'trama_bench',
	out: flag('out') ?? (quick ? null : 'bench/RESULTS.md'),
	systems: list(flag('systems'), ['trama', 'trama-redis', 'hocuspocus', 'y-websocket-server']) as SystemName[],
	workloads: list(flag('workloads'), [...WORKLOADS]) as WorkloadName[],
	/**
	 * Client processes (niced, see clients/pool.ts). Four halves each one's heap
	 * against two: shorter GC pauses in the harness, which would otherwise show
	 * up as propagation latency.
	 */
	workers: Number(flag('workers') ?? 4),
	/** Clients connecting at once per worker. */
	connectConcurrency: 25,
	warmupSeconds: quick ? 2 : 5,
	measureSeconds: quick ? 5 : 20,
	drainMs: 2_000,
	/** W1 runs in rounds, systems interleaved within each: run-to-run noise on two shared cores is large. */
	w1: { documents: 100, editors: 4, viewers: 2, editsPerSecond: 3, rounds: quick ? 1 : 3, measureSeconds: quick ? 5 : 10 },
	/**
	 * W1 on two server processes sharing the documents: the same clients, each
	 * document's editors and viewers split half and half between the processes.
	 */
	w1x2: { processes: 2, rounds: quick ? 1 : 2, measureSeconds: quick ? 5 : 10 },
	/**
	 * The editors send their edits and read every message the server sends
	 * them, but do not apply the others' edits (two cores cannot run 200 Yjs
	 * documents each applying 200 updates a second); the observers apply
	 * everything and log the propagation of every edit.
	 */
	w2: { editors: 200, editsPerSecond: 1, observers: 4 },
	w3: { connections: 10_000, documents: 500, idleSeconds: quick ? 3 : 10 },
	memory: { base: 50, documents: 250 },
	open: {
		runs1mb: quick ? 2 : 5,
		runs16mb: quick ? 1 : 3,
		timeoutMs: 60_000
	},
	/** Encoded size of the documents every workload starts from. */
	typicalBytes: 20 * 1024
};

export type Config = typeof config;
