// What every workload gets, and the pieces they share.
import type { ClientPool } from '../clients/pool.ts';
import type { ClientSpec } from '../clients/worker.ts';
import type { Config } from '../config.ts';
import type { Fixture } from '../db.ts';
import type { ServerSample } from '../server/child.ts';
import { startServer, type ServerHandle } from '../server/handle.ts';
import { cpuWindow, waitForQuiet, type CpuWindow } from '../server/machine.ts';
import { concat, median, now, sleep, summarize, type Summary } from '../stats.ts';
import type { System } from '../systems/types.ts';

export interface Context {
	config: Config;
	databaseUrl: string;
	pool: ClientPool;
	fixture: Fixture;
	documents: {
		w1: string[];
		w2: string[];
		w3: string[];
		memory: string[];
		open1mb: string;
		open16mb: string;
	};
	log(message: string): void;
}

export interface EventLoop {
	p50: number;
	p99: number;
	max: number;
}

export interface EditingResult {
	latency: Summary;
	/** Deliveries logged over deliveries expected (edits in the window × other clients of the document). */
	delivered: number;
	/** The (edit, receiver) pairs behind `delivered`. */
	received: number;
	expected: number;
	edits: number;
	editsPerSecond: number;
	/** Every latency sample (ms); kept for pooling rounds, left out of RESULTS.json. */
	samples?: Float64Array;
	connect: Summary;
	connectFailures: number;
	/** The server's process; on several processes (W1 × 2) their sum: CPU, RSS, heap and GC added, event loop the worst. */
	server: ServerSample;
	/** Each server process's own sample (one but in W1 × 2). */
	servers: ServerSample[];
	/** Postgres's, Redis's and the whole machine's CPU over the window. */
	cpu: CpuWindow;
	clientEventLoop: EventLoop;
	/** Garbage collection in the client processes: summed over them, and the longest pause. */
	clientGc: { totalMs: number; maxMs: number };
	/** Worst propagation latency in each second of the window. */
	worstBySecond: number[];
}

export async function withServer<T>(system: System, ctx: Context, fn: (server: ServerHandle) => Promise<T>): Promise<T> {
	return withServers(system, ctx, 1, ([server]) => fn(server));
}

/** `processes` server processes of the system serving the same documents (one Postgres database; Redis where the system fans out over it). */
export async function withServers<T>(
	system: System,
	ctx: Context,
	processes: number,
	fn: (servers: ServerHandle[]) => Promise<T>
): Promise<T> {
	const started = await Promise.allSettled(
		Array.from({ length: processes }, () => startServer(system.name, ctx.databaseUrl, { processes, redisUrl: ctx.config.redisUrl }))
	);
	const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
	try {
		const failed = started.find((s) => s.status === 'rejected');
		if (failed) throw (failed as PromiseRejectedResult).reason;
		return await fn(servers);
	} finally {
		await ctx.pool.all({ cmd: 'close' }).catch(() => {});
		await Promise.all(servers.map((server) => server.stop()));
	}
}

/** Several server processes as one: CPU, RSS, heap and GC time added; event loop and longest GC the worst. */
export function sumServers(samples: ServerSample[]): ServerSample {
	if (samples.length === 1) return samples[0];
	const sum = (f: (s: ServerSample) => number) => samples.reduce((total, s) => total + f(s), 0);
	const worst = (f: (s: ServerSample) => number) => Math.max(...samples.map(f));
	return {
		cpuPercent: sum((s) => s.cpuPercent),
		eventLoop: { p50: worst((s) => s.eventLoop.p50), p99: worst((s) => s.eventLoop.p99), max: worst((s) => s.eventLoop.max) },
		gc: { totalMs: sum((s) => s.gc.totalMs), maxMs: worst((s) => s.gc.maxMs) },
		seconds: worst((s) => s.seconds),
		rssMb: sum((s) => s.rssMb),
		peakRssMb: sum((s) => s.peakRssMb),
		heapUsedMb: sum((s) => s.heapUsedMb)
	};
}

/** Connects the clients, each pinned one in its worker and the others round-robin over the rest; returns connect→synced times. */
export async function connectAll(ctx: Context, specs: ClientSpec[]): Promise<{ connect: Summary; failures: number }> {
	const perWorker: ClientSpec[][] = Array.from({ length: ctx.pool.size }, () => []);
	const pinned = new Set(specs.flatMap((spec) => (spec.worker === undefined ? [] : [spec.worker])));
	const free = perWorker.map((_, w) => w).filter((w) => !pinned.has(w));
	let next = 0;
	for (const spec of specs) perWorker[spec.worker ?? free[next++ % free.length]].push(spec);
	const results = await ctx.pool.all<{ syncMs: number[]; failed: number }>((w) => ({
		cmd: 'connect',
		clients: perWorker[w],
		concurrency: ctx.config.connectConcurrency,
		timeoutMs: 60_000
	}));
	return {
		connect: summarize(concat(results.map((r) => r.syncMs))),
		failures: results.reduce((s, r) => s + r.failed, 0)
	};
}

/**
 * Editors type and the clients that apply updates log arrivals: warm-up,
 * then the measured window. `layout` gets the port of each server process.
 */
export async function editingRun(
	system: System,
	ctx: Context,
	layout: (ports: number[]) => ClientSpec[],
	editsPerSecond: number,
	processes = 1
): Promise<EditingResult> {
	return withServers(system, ctx, processes, async (servers) => {
		const specs = layout(servers.map((s) => s.port));
		const { connect, failures } = await connectAll(ctx, specs);
		ctx.log(`  ${specs.length} clients synced (p50 ${connect.p50.toFixed(1)} ms, ${failures} failed)`);
		await waitForQuiet(25, 60_000, ctx.log);
		const from = now() + ctx.config.warmupSeconds * 1000;
		const to = from + ctx.config.measureSeconds * 1000;
		await ctx.pool.all({ cmd: 'run', from, to, editsPerSecond });
		await sleep(from - now());
		await Promise.all(servers.map((server) => server.reset()));
		const window = cpuWindow();
		await sleep(to - now());
		const perProcess = await Promise.all(servers.map((server) => server.sample()));
		const cpu = window();
		const stops = await ctx.pool.all<{
			samples: Float64Array;
			sentByDoc: Record<string, number>;
			sentByReceiversByDoc: Record<string, number>;
			receivedByDoc: Record<string, number>;
			eventLoop: EventLoop;
			gc: { totalMs: number; maxMs: number; majorMaxMs: number };
			worstBySecond: number[];
			heapMb: number;
			rssMb: number;
			cpuPercent: number;
			liveHeapMb: number;
			traffic: { messages: number; bytes: number; sentMessages: number; sentBytes: number; dropped: number; opened: number };
		}>({ cmd: 'stop', drainMs: ctx.config.drainMs });
		{
			const t = stops.reduce(
				(a, s) => ({
					m: a.m + s.traffic.messages,
					b: a.b + s.traffic.bytes,
					sm: a.sm + s.traffic.sentMessages,
					sb: a.sb + s.traffic.sentBytes,
					d: a.d + s.traffic.dropped,
					o: a.o + s.traffic.opened
				}),
				{ m: 0, b: 0, sm: 0, sb: 0, d: 0, o: 0 }
			);
			ctx.log(
				`  clients received ${t.m} messages / ${(t.b / 2 ** 20).toFixed(1)} MB${t.d ? ` (${t.d} updates read and not applied)` : ''}, sent ${t.sm} / ${(t.sb / 2 ** 20).toFixed(1)} MB` +
					(t.o ? `; ${t.o} sockets reopened (reconnections)` : '')
			);
		}
		ctx.log(`  client processes: ${stops.map((s) => `CPU ${s.cpuPercent.toFixed(0)} %, heap ${s.heapMb.toFixed(0)} MB (live ${s.liveHeapMb.toFixed(0)}), longest GC ${s.gc.maxMs.toFixed(0)} ms (major ${s.gc.majorMaxMs.toFixed(0)}), RSS ${s.rssMb.toFixed(0)} MB`).join('; ')}`);
		// Every edit is expected at every client of its document that applies updates, but its sender.
		const receivers = new Map<string, number>();
		for (const spec of specs) if (spec.role !== 'idle' && !spec.dropUpdates) receivers.set(spec.doc, (receivers.get(spec.doc) ?? 0) + 1);
		let expected = 0;
		let received = 0;
		let edits = 0;
		for (const stop of stops) {
			for (const [doc, sent] of Object.entries(stop.sentByDoc)) {
				edits += sent;
				expected += sent * (receivers.get(doc) ?? 0) - (stop.sentByReceiversByDoc[doc] ?? 0);
			}
			for (const n of Object.values(stop.receivedByDoc)) received += n;
		}
		const samples = concat(stops.map((s) => s.samples));
		return {
			latency: summarize(samples),
			samples,
			delivered: expected ? received / expected : NaN,
			received,
			expected,
			edits,
			editsPerSecond: edits / ctx.config.measureSeconds,
			connect,
			connectFailures: failures,
			server: sumServers(perProcess),
			servers: perProcess,
			cpu,
			clientEventLoop: {
				p50: Math.max(...stops.map((s) => s.eventLoop.p50)),
				p99: Math.max(...stops.map((s) => s.eventLoop.p99)),
				max: Math.max(...stops.map((s) => s.eventLoop.max))
			},
			clientGc: {
				totalMs: stops.reduce((sum, s) => sum + s.gc.totalMs, 0),
				maxMs: Math.max(...stops.map((s) => s.gc.maxMs))
			},
			worstBySecond: Array.from({ length: Math.max(...stops.map((s) => s.worstBySecond.length)) }, (_, i) =>
				Math.max(...stops.map((s) => s.worstBySecond[i] ?? 0))
			)
		};
	});
}

/**
 * One result from several rounds of the same workload on the same system:
 * latency over all rounds' samples pooled, delivery over all pairs, the
 * rest the median of the rounds (peaks: the highest).
 */
export function combineRounds(rounds: EditingResult[]): EditingResult {
	if (rounds.length === 1) return rounds[0];
	const mid = (f: (r: EditingResult) => number) => median(rounds.map(f));
	const top = (f: (r: EditingResult) => number) => Math.max(...rounds.map(f));
	const samples = concat(rounds.map((r) => r.samples ?? new Float64Array()));
	const received = rounds.reduce((s, r) => s + r.received, 0);
	const expected = rounds.reduce((s, r) => s + r.expected, 0);
	const first = rounds[0];
	return {
		latency: summarize(samples),
		samples,
		delivered: expected ? received / expected : NaN,
		received,
		expected,
		edits: rounds.reduce((s, r) => s + r.edits, 0),
		editsPerSecond: mid((r) => r.editsPerSecond),
		connect: { ...first.connect, p50: mid((r) => r.connect.p50), p99: mid((r) => r.connect.p99), max: top((r) => r.connect.max) },
		connectFailures: rounds.reduce((s, r) => s + r.connectFailures, 0),
		server: combineSamples(rounds.map((r) => r.server)),
		servers: first.servers.map((_, i) => combineSamples(rounds.map((r) => r.servers[i]))),
		cpu: {
			postgresPercent: mid((r) => r.cpu.postgresPercent),
			redisPercent: mid((r) => r.cpu.redisPercent),
			machinePercent: mid((r) => r.cpu.machinePercent),
			foreignPercent: top((r) => r.cpu.foreignPercent)
		},
		clientEventLoop: {
			p50: mid((r) => r.clientEventLoop.p50),
			p99: mid((r) => r.clientEventLoop.p99),
			max: top((r) => r.clientEventLoop.max)
		},
		clientGc: { totalMs: mid((r) => r.clientGc.totalMs), maxMs: top((r) => r.clientGc.maxMs) },
		worstBySecond: rounds.flatMap((r) => r.worstBySecond)
	};
}

/** One server sample from the rounds': the median round's, peaks the highest, seconds added. */
function combineSamples(samples: ServerSample[]): ServerSample {
	const mid = (f: (s: ServerSample) => number) => median(samples.map(f));
	const top = (f: (s: ServerSample) => number) => Math.max(...samples.map(f));
	return {
		...samples[0],
		cpuPercent: mid((s) => s.cpuPercent),
		rssMb: mid((s) => s.rssMb),
		peakRssMb: top((s) => s.peakRssMb),
		heapUsedMb: mid((s) => s.heapUsedMb),
		eventLoop: { p50: mid((s) => s.eventLoop.p50), p99: mid((s) => s.eventLoop.p99), max: top((s) => s.eventLoop.max) },
		gc: { totalMs: mid((s) => s.gc.totalMs), maxMs: top((s) => s.gc.maxMs) },
		seconds: samples.reduce((sum, s) => sum + s.seconds, 0)
	};
}
