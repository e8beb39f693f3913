// One system's server, alone in its own process so that its CPU, RSS and
// event-loop delay are its own. Started by handle.ts with
//   node --expose-gc --experimental-transform-types bench/server/child.ts <system> <databaseUrl>
// and answering over IPC:
//   reset  → start a measurement window (CPU, event-loop histogram, peak RSS)
//   sample → what happened since the last reset; { gc: true } collects garbage first
//   stop   → close the server (storing pending changes) and exit
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { SYSTEMS } from '../systems/index.ts';
import type { SystemName } from '../systems/types.ts';

export interface ServerSample {
	/** CPU time over wall time since reset, in % of one core. */
	cpuPercent: number;
	rssMb: number;
	peakRssMb: number;
	heapUsedMb: number;
	/** Event-loop delay beyond the timer's own period, ms. */
	eventLoop: { p50: number; p99: number; max: number };
	/** Garbage-collection pauses in the window: total and longest, ms. */
	gc: { totalMs: number; maxMs: number };
	seconds: number;
}

const RESOLUTION_MS = 5;
const MB = 1024 * 1024;
const [name, databaseUrl] = process.argv.slice(2) as [SystemName, string];
const system = SYSTEMS[name];

process.on('uncaughtException', (error) => {
	console.error(`[${name}] uncaught`, error);
});
process.on('unhandledRejection', (error) => {
	console.error(`[${name}] unhandled rejection`, error);
});

const running = await system.start({ databaseUrl });
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();
let cpuStart = process.cpuUsage();
let wallStart = performance.now();
let peakRss = process.memoryUsage.rss();
let gcTotal = 0;
let gcMax = 0;
new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) {
		gcTotal += entry.duration;
		gcMax = Math.max(gcMax, entry.duration);
	}
}).observe({ entryTypes: ['gc'] });
setInterval(() => {
	peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 100).unref();

function reset() {
	histogram.reset();
	cpuStart = process.cpuUsage();
	wallStart = performance.now();
	peakRss = process.memoryUsage.rss();
	gcTotal = 0;
	gcMax = 0;
}

function sample(): ServerSample {
	const cpu = process.cpuUsage(cpuStart);
	const wallMs = performance.now() - wallStart;
	const memory = process.memoryUsage();
	peakRss = Math.max(peakRss, memory.rss);
	const delay = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
	return {
		cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
		rssMb: memory.rss / MB,
		peakRssMb: peakRss / MB,
		heapUsedMb: memory.heapUsed / MB,
		eventLoop: {
			p50: histogram.count ? delay(histogram.percentile(50)) : 0,
			p99: histogram.count ? delay(histogram.percentile(99)) : 0,
			max: histogram.count ? delay(histogram.max) : 0
		},
		gc: { totalMs: gcTotal, maxMs: gcMax },
		seconds: wallMs / 1000
	};
}

process.on('message', async (message: { id: number; type: string; gc?: boolean }) => {
	const reply = (body: unknown) => process.send!({ id: message.id, body });
	switch (message.type) {
		case 'reset':
			reset();
			return reply(null);
		case 'sample':
			if (message.gc && globalThis.gc) {
				for (let i = 0; i < 3; i++) {
					globalThis.gc();
					await new Promise((r) => setImmediate(r));
				}
			}
			return reply(sample());
		case 'stop':
			try {
				await Promise.race([running.close(), new Promise((r) => setTimeout(r, 15_000))]);
			} finally {
				reply(null);
				setTimeout(() => process.exit(0), 50);
			}
	}
});

process.send!({ type: 'ready', port: running.port });
