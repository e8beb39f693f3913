// W3: 10,000 idle connections — 500 documents with 20 people each looking at
// them (10 editors, 10 viewers, every one a different person), nobody
// typing. First one connection per document (the documents load), then the
// other 9,500: the RSS (and JS heap) difference after GC over those is what
// one more idle connection costs. Server RSS is sampled every 100 ms from
// before the first connection to the end of the idle period.
//
// 10,000 sockets need as many file descriptors in the server process and
// 2,500 in each client process: both inherit the orchestrator's limit
// (`ulimit -n`), which is checked first.
import { readFileSync } from 'node:fs';
import type { ClientSpec } from '../clients/worker.ts';
import type { ServerSample } from '../server/child.ts';
import { sleep, type Summary } from '../stats.ts';
import type { System } from '../systems/types.ts';
import { connectAll, withServer, type Context } from './context.ts';

export interface IdleResult {
	connections: number;
	documents: number;
	connect: Summary;
	connectFailures: number;
	/** Fresh server, nothing connected, after GC. */
	baselineRssMb: number;
	/** After GC with one connection per document open. */
	documentsOpenRssMb: number;
	/** After GC with every connection open. */
	allOpenRssMb: number;
	/** RSS (after GC) each connection beyond the first per document adds. */
	rssPerConnectionKb: number;
	/** JS heap (after GC) each connection beyond the first per document adds. */
	heapPerConnectionKb: number;
	/** Highest RSS from the first connection to the end of the idle period. */
	peakRssMb: number;
	/** During the idle period (no GC forced): CPU, RSS, event loop. */
	idle: ServerSample;
	/** After forcing GC at the end. */
	settledRssMb: number;
}

/** The soft limit on open files this process passes on to the server and client processes. */
function openFileLimit(): number {
	try {
		const line = readFileSync('/proc/self/limits', 'utf8')
			.split('\n')
			.find((l) => l.startsWith('Max open files'));
		const soft = line?.split(/\s{2,}/)[1];
		return soft === 'unlimited' ? Infinity : Number(soft);
	} catch {
		return NaN;
	}
}

/**
 * The connections laid out over the documents: connection i opens document
 * i mod documents, so the first `documents` connections open one document
 * each; each document's k-th connection is an editor when k is even, a viewer
 * when odd, and no person looks at one document twice.
 */
export function idleLayout(system: System, ctx: Context, port: number, connections: number, docs: string[]): ClientSpec[] {
	const { editors, viewers } = ctx.fixture;
	return Array.from({ length: connections }, (_, i) => {
		const doc = docs[i % docs.length];
		const k = Math.floor(i / docs.length);
		const people = k % 2 ? viewers : editors;
		// Document d's k-th person is number (d + 500k + k) mod 200, that is d + k or d + 100 + k: 20 different people.
		const user = people[(i + k) % people.length];
		return { endpoint: system.endpoint(port, doc, user), role: 'idle', doc, index: i };
	});
}

export async function w3(system: System, ctx: Context): Promise<IdleResult> {
	const { connections, documents, idleSeconds } = ctx.config.w3;
	const docs = ctx.documents.w3.slice(0, documents);
	const limit = openFileLimit();
	// The server needs one descriptor per socket, plus its own (database pool, files, stdio).
	if (limit < connections + 500) {
		ctx.log(`  W3: open-file limit ${limit} is below ${connections + 500}: raise it (ulimit -n ${connections + 2_000}) before the run, or connections will fail`);
	}
	return withServer(system, ctx, async (server) => {
		const baseline = await server.sample({ gc: true });
		const specs = idleLayout(system, ctx, server.port, connections, docs);
		await server.reset();
		const first = await connectAll(ctx, specs.slice(0, docs.length));
		await sleep(1_000);
		const opened = await server.sample({ gc: true });
		const rest = await connectAll(ctx, specs.slice(docs.length));
		const failures = first.failures + rest.failures;
		ctx.log(`  ${connections} idle clients synced (p50 ${rest.connect.p50.toFixed(1)} ms, ${failures} failed)`);
		await sleep(1_000);
		const all = await server.sample({ gc: true });
		await server.reset();
		await sleep(idleSeconds * 1000);
		const idle = await server.sample();
		const settled = await server.sample({ gc: true });
		const further = connections - docs.length;
		ctx.log(
			`  ${system.name}: fresh ${baseline.rssMb.toFixed(0)} MB, ${docs.length} documents open ${opened.rssMb.toFixed(0)} MB, all ${connections} ${all.rssMb.toFixed(0)} MB (heap ${all.heapUsedMb.toFixed(0)} MB): ` +
				`${(((all.rssMb - opened.rssMb) * 1024) / further).toFixed(1)} KB RSS, ${(((all.heapUsedMb - opened.heapUsedMb) * 1024) / further).toFixed(1)} KB heap per further connection`
		);
		return {
			connections,
			documents: docs.length,
			// Those that joined documents already open: connection cost alone.
			connect: rest.connect,
			connectFailures: failures,
			baselineRssMb: baseline.rssMb,
			documentsOpenRssMb: opened.rssMb,
			allOpenRssMb: all.rssMb,
			rssPerConnectionKb: ((all.rssMb - opened.rssMb) * 1024) / further,
			heapPerConnectionKb: ((all.heapUsedMb - opened.heapUsedMb) * 1024) / further,
			peakRssMb: Math.max(all.peakRssMb, idle.peakRssMb),
			idle,
			settledRssMb: settled.rssMb
		};
	});
}
