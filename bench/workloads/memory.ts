// Memory per open document: open `base` documents (one client each), force
// GC and read RSS and heap; open `documents` more; again. The difference over
// `documents` is what one more open document (with its one connection)
// costs. The documents are the 20 KB co-design documents every workload
// starts from.
import type { ClientSpec } from '../clients/worker.ts';
import { sleep } from '../stats.ts';
import type { System } from '../systems/types.ts';
import { connectAll, withServer, type Context } from './context.ts';

export interface MemoryResult {
	documents: number;
	rssPerDocumentKb: number;
	heapPerDocumentKb: number;
}

export async function memory(system: System, ctx: Context): Promise<MemoryResult> {
	const { base, documents } = ctx.config.memory;
	return withServer(system, ctx, async (server) => {
		const open = async (docs: string[], offset: number) => {
			const specs: ClientSpec[] = docs.map((doc, i) => ({
				endpoint: system.endpoint(server.port, doc, ctx.fixture.viewers[(offset + i) % ctx.fixture.viewers.length]),
				role: 'idle',
				doc,
				index: offset + i
			}));
			const { failures } = await connectAll(ctx, specs);
			if (failures) ctx.log(`  ${failures} failed to open`);
			await sleep(2_000);
			return server.sample({ gc: true });
		};
		const a = await open(ctx.documents.memory.slice(0, base), 0);
		const b = await open(ctx.documents.memory.slice(base, base + documents), base);
		return {
			documents,
			rssPerDocumentKb: ((b.rssMb - a.rssMb) * 1024) / documents,
			heapPerDocumentKb: ((b.heapUsedMb - a.heapUsedMb) * 1024) / documents
		};
	});
}
