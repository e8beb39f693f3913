// The embedded mode is one process by nature (issue 15): a second Trama
// started on a PGlite data folder that a running one holds stops at once,
// saying why and what to do, and the first goes on serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type SweepDatabase } from './database.ts';
import { isAnswer, send } from './http.ts';
import { startServer, type AppServer } from './server.ts';

/** Long enough to load the bundle on a busy machine; the refusal itself is the first thing the runtime does. */
const STOPS_WITHIN_MS = 15_000;

describe('a second process on the same PGlite data folder', () => {
	let database: SweepDatabase;
	let first: AppServer;

	beforeAll(async () => {
		database = await createDatabase('pglite');
		first = await startServer(database);
	});

	afterAll(async () => {
		await first?.stop();
		await database?.drop();
	});

	it('stops at once with a message naming the process that holds the folder, and the first keeps serving', async () => {
		const started = performance.now();
		const second = startServer(database);
		await expect(second).rejects.toThrow(/exited \(\{"code":1,"signal":null\}\) before it answered/);
		expect(performance.now() - started).toBeLessThan(STOPS_WITHIN_MS);
		await expect(second).rejects.toThrow(/already in use by Trama process \d+ .*its own TRAMA_DATA_DIR.*DATABASE_URL/s);

		const health = await send(first.origin, { method: 'GET', path: '/healthz', headers: {}, timeoutMs: 5_000 });
		expect(isAnswer(health) && health.status).toBe(200);
	});
});
