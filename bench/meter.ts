// What a bench process measures about itself over a window: CPU time,
// event-loop delay and garbage-collection pauses. The server child and the
// client processes both use it, so their numbers mean the same thing.
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const RESOLUTION_MS = 5;

export interface MeterReading {
	/** CPU time over wall time since reset (less `idleMs`), in % of one core. */
	cpuPercent: number;
	/** Event-loop delay beyond the timer's own period, ms. */
	eventLoop: { p50: number; p99: number; max: number };
	/** Garbage-collection pauses in the window: total, longest, longest major, ms. */
	gc: { totalMs: number; maxMs: number; majorMaxMs: number };
	seconds: number;
}

export function processMeter() {
	const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
	let cpuStart = process.cpuUsage();
	let wallStart = performance.now();
	let gc = { totalMs: 0, maxMs: 0, majorMaxMs: 0 };
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			gc.totalMs += entry.duration;
			gc.maxMs = Math.max(gc.maxMs, entry.duration);
			if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
				gc.majorMaxMs = Math.max(gc.majorMaxMs, entry.duration);
		}
	}).observe({ entryTypes: ['gc'] });

	const delay = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
	return {
		/** Starts a window. */
		reset() {
			histogram.reset();
			histogram.enable();
			cpuStart = process.cpuUsage();
			wallStart = performance.now();
			gc = { totalMs: 0, maxMs: 0, majorMaxMs: 0 };
		},
		stop() {
			histogram.disable();
		},
		/** The window so far; `idleMs` of it (a drain, say) is left out of the CPU share. */
		read(idleMs = 0): MeterReading {
			const cpu = process.cpuUsage(cpuStart);
			const wallMs = performance.now() - wallStart;
			return {
				cpuPercent: ((cpu.user + cpu.system) / 1000 / (wallMs - idleMs)) * 100,
				eventLoop: {
					p50: histogram.count ? delay(histogram.percentile(50)) : 0,
					p99: histogram.count ? delay(histogram.percentile(99)) : 0,
					max: histogram.count ? delay(histogram.max) : 0
				},
				gc: { ...gc },
				seconds: wallMs / 1000
			};
		}
	};
}
