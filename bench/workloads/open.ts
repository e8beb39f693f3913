// Time to open a 1 MB and a 16 MB document: from creating the WebSocket to
// the client having the whole document (its `synced` event and the
// document's last-written key both seen).
//   cold — a fresh server process that has never loaded it reads it from Postgres
//   warm — another client already has it open on the server
// Each is the median of several runs, one client at a time.
import { median } from '../stats.ts';
import type { System } from '../systems/types.ts';
import { withServer, type Context } from './context.ts';

export interface OpenResult {
	cold1mb: number[];
	warm1mb: number[];
	cold16mb: number[];
	warm16mb: number[];
	/** For y-websocket-server: its `synced` event comes before the content (see its adapter). */
	syncedEventBeforeContent: boolean;
}

interface OpenReply {
	syncedMs: number | null;
	contentMs: number | null;
}

export async function open(system: System, ctx: Context): Promise<OpenResult> {
	const { runs1mb, runs16mb, timeoutMs } = ctx.config.open;
	const user = ctx.fixture.viewers[0];
	let early = false;
	const one = async (port: number, doc: string, seal: string, keep = false, worker = 0) => {
		const reply = await ctx.pool.send<OpenReply>(worker, {
			cmd: 'open',
			endpoint: system.endpoint(port, doc, user),
			seal,
			keep,
			timeoutMs
		});
		if (reply.syncedMs !== null && reply.contentMs !== null && reply.contentMs - reply.syncedMs > 5) early = true;
		return reply.contentMs ?? NaN;
	};
	const measure = async (doc: string, seal: string, runs: number) => {
		const cold: number[] = [];
		for (let i = 0; i < runs; i++) {
			cold.push(await withServer(system, ctx, (server) => one(server.port, doc, seal)));
		}
		const warm = await withServer(system, ctx, async (server) => {
			// The anchor keeps the document open on the server, in another worker.
			await one(server.port, doc, seal, true, ctx.pool.size - 1);
			const times: number[] = [];
			for (let i = 0; i < runs; i++) times.push(await one(server.port, doc, seal));
			return times;
		});
		return { cold, warm };
	};
	const small = await measure(ctx.documents.open1mb, '1mb', runs1mb);
	ctx.log(`  1 MB: cold ${median(small.cold).toFixed(1)} ms, warm ${median(small.warm).toFixed(1)} ms`);
	const large = await measure(ctx.documents.open16mb, '16mb', runs16mb);
	ctx.log(`  16 MB: cold ${median(large.cold).toFixed(1)} ms, warm ${median(large.warm).toFixed(1)} ms`);
	return {
		cold1mb: small.cold,
		warm1mb: small.warm,
		cold16mb: large.cold,
		warm16mb: large.warm,
		syncedEventBeforeContent: early
	};
}
