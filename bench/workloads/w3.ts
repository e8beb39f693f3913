// W3: 2,000 idle connections — 500 documents with 4 people each looking at
// them (2 editors, 2 viewers), nobody typing. First one connection per
// document (the documents load), then the other 1,500: the RSS difference
// after GC over those 1,500 is what one more idle connection costs. Server
// RSS is sampled every 100 ms from before the first connection to the end
// of the idle period.
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
	/** RSS (after GC) each connection beyond the first per document adds. */
	rssPerConnectionKb: number;
	/** Highest RSS from the first connection to the end of the idle period. */
	peakRssMb: number;
	/** During the idle period (no GC forced): CPU, RSS, event loop. */
	idle: ServerSample;
	/** After forcing GC at the end. */
	settledRssMb: number;
}

export async function w3(system: System, ctx: Context): Promise<IdleResult> {
	const { connections, documents, idleSeconds } = ctx.config.w3;
	const docs = ctx.documents.w3.slice(0, documents);
	return withServer(system, ctx, async (server) => {
		const baseline = await server.sample({ gc: true });
		const specs: ClientSpec[] = Array.from({ length: connections }, (_, i) => {
			const doc = docs[i % docs.length];
			const user = i % 2 ? ctx.fixture.viewers[i % ctx.fixture.viewers.length] : ctx.fixture.editors[i % ctx.fixture.editors.length];
			return { endpoint: system.endpoint(server.port, doc, user), role: 'idle', doc, index: i };
		});
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
		return {
			connections,
			documents: docs.length,
			// The 1,500 that joined documents already open: connection cost alone.
			connect: rest.connect,
			connectFailures: failures,
			baselineRssMb: baseline.rssMb,
			documentsOpenRssMb: opened.rssMb,
			rssPerConnectionKb: ((all.rssMb - opened.rssMb) * 1024) / (connections - docs.length),
			peakRssMb: Math.max(all.peakRssMb, idle.peakRssMb),
			idle,
			settledRssMb: settled.rssMb
		};
	});
}
