// W1 × 2: W1's 100 documents, 400 editors and 200 viewers on TWO server
// processes of the same system sharing the documents — each document's 4
// editors split 2 / 2 between the processes, and its 2 viewers 1 / 1 — so
// that every edit reaches half its receivers through the other process.
//   trama        two processes on the same database, the default bus (Postgres LISTEN/NOTIFY)
//   trama-redis  the same with redisBus (BENCH_REDIS_URL), as with REDIS_URL set
//   hocuspocus   two processes with @hocuspocus/extension-redis
// The y-websocket server cannot share a document between processes: not run.
// Server CPU and RSS are the two processes' sum (RESULTS.md also shows the larger process's RSS).
import type { System } from '../systems/types.ts';
import { editingRun, type Context, type EditingResult } from './context.ts';
import { w1Layout } from './w1.ts';

export async function w1x2(system: System, ctx: Context): Promise<EditingResult> {
	if ('cannot' in system.multiProcess) throw new Error(`${system.name} cannot run on several processes`);
	const { processes, measureSeconds } = ctx.config.w1x2;
	return editingRun(
		system,
		{ ...ctx, config: { ...ctx.config, measureSeconds } },
		(ports) => w1Layout(system, ctx, ports),
		ctx.config.w1.editsPerSecond,
		processes
	);
}
