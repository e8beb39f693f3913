// What a run does. Counts are the and are not scaled; durations are
// kept short so that `npm run bench` ends within about ten minutes on the
// 2-core machines. Flags (after `npm run bench --`) or environment:
//   --systems=trama,hocuspocus,y-websocket-server   BENCH_SYSTEMS
//   --workloads=w1,w2,w3,memory,open                 BENCH_WORKLOADS
//   --quick   short windows, few open runs: a smoke test, results not written
//   --out=bench/RESULTS.md                           BENCH_OUT
//   BENCH_POSTGRES_URL (default postgres://postgres:postgres@127.0.0.1:5432/postgres)
import type { SystemName } from './systems/types.ts';

const flag = (name: string): string | undefined => {
	const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
	if (!arg) return process.env[`BENCH_${name.toUpperCase()}`];
	return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : 'true';
};

const quick = flag('quick') === 'true' || flag('quick') === '1';
const list = (value: string | undefined, all: string[]) => (value ? value.split(',').map((s) => s.trim()) : all);

export const WORKLOADS = ['w1', 'w2', 'w3', 'memory', 'open'] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

export const config = {
	quick,
	postgresUrl: flag('postgres_url') ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
	database: 'trama_bench',
	out: flag('out') ?? (quick ? null : 'bench/RESULTS.md'),
	systems: list(flag('systems'), ['trama', 'hocuspocus', 'y-websocket-server']) as SystemName[],
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
	w2: { editors: 200, editsPerSecond: 1 },
	w3: { connections: 2_000, documents: 500, idleSeconds: quick ? 3 : 10 },
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
