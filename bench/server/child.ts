// One system's server, alone in its own process so that its CPU, RSS and
// event-loop delay are its own. Started by handle.ts with
//   node --expose-gc --experimental-transform-types bench/server/child.ts <system> <StartOptions as JSON>
// and answering over IPC:
//   reset  → start a measurement window (CPU, event-loop histogram, peak RSS)
//   sample → what happened since the last reset; { gc: true } collects garbage first
//   stop   → close the server (storing pending changes) and exit
import { processMeter, type MeterReading } from '../meter.ts';
import { SYSTEMS } from '../systems/index.ts';
import type { StartOptions, SystemName } from '../systems/types.ts';

export interface ServerSample extends Omit<MeterReading, 'gc'> {
	rssMb: number;
	peakRssMb: number;
	heapUsedMb: number;
	/** Garbage-collection pauses in the window: total and longest, ms. */
	gc: { totalMs: number; maxMs: number };
}

const MB = 1024 * 1024;
const [name, options] = process.argv.slice(2) as [SystemName, string];
const system = SYSTEMS[name];

process.on('uncaughtException', (error) => {
	console.error(`[${name}] uncaught`, error);
});
process.on('unhandledRejection', (error) => {
	console.error(`[${name}] unhandled rejection`, error);
});

const running = await system.start(JSON.parse(options) as StartOptions);
const meter = processMeter();
meter.reset();
let peakRss = process.memoryUsage.rss();
setInterval(() => {
	peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 100).unref();

function reset() {
	meter.reset();
	peakRss = process.memoryUsage.rss();
}

function sample(): ServerSample {
	const memory = process.memoryUsage();
	peakRss = Math.max(peakRss, memory.rss);
	const reading = meter.read();
	return {
		...reading,
		gc: { totalMs: reading.gc.totalMs, maxMs: reading.gc.maxMs },
		rssMb: memory.rss / MB,
		peakRssMb: peakRss / MB,
		heapUsedMb: memory.heapUsed / MB
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
