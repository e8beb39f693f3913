import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backends } from '../databases.ts';
import type { Database, Queryable } from '../../../src/lib/server/db/types.ts';
import { connect, eventually, paragraphs, startCollab } from './harness.ts';
import { createScene } from './scene.ts';
import { killChildServers, startChildServer } from './children.ts';

/** A database whose queries fail while `failing(sql)` says so, as when the server goes away. */
function breakable(db: Database) {
	let failing: (sql: string) => boolean = () => false;
	const guard = (sql: string) => {
		if (failing(sql)) throw new Error('database unavailable (simulated)');
	};
	const wrap = (target: Queryable): Queryable => ({
		query: async (sql, params) => (guard(sql), target.query(sql, params)),
		exec: async (sql) => (guard(sql), target.exec(sql))
	});
	const wrapped: Database = {
		...wrap(db),
		kind: db.kind,
		transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
		listen: (channel, onPayload) => db.listen(channel, onPayload),
		close: () => db.close()
	};
	return { db: wrapped, fail: (when: (sql: string) => boolean) => (failing = when), mend: () => (failing = () => false) };
}

describe.each(backends)('durability on $name', (backend) => {
	it('serves nothing while a load fails, then the stored text once it works', async () => {
		const base = await backend.fresh();
		const { db, fail, mend } = breakable(base);
		const scene = await createScene(db);
		const server = await startCollab(db);
		const seed = connect(server.url, scene.document.id, scene.editor.cookie);
		seed.write('Premesse del patto');
		await eventually(async () => {
			const rows = await base.query('select 1 from public.document_updates where document_id = $1', [scene.document.id]);
			expect(rows.rows).toHaveLength(1);
		});
		seed.destroy();
		await eventually(() => expect(server.collab.stats().documents).toBe(0));

		fail((sql) => sql.includes('document_snapshots'));
		const anna = connect(server.url, scene.document.id, scene.facilitator.cookie);
		anna.write('Scritto mentre il documento non si apriva');
		await eventually(() => expect(anna.closes.some((close) => close.code === 4000)).toBe(true));
		expect(anna.closes[0].reason).toMatch(/retrying/);
		expect(server.collab.stats().documents).toBe(0);

		mend();
		await eventually(() => expect(paragraphs(anna.doc).sort()).toEqual(['Premesse del patto', 'Scritto mentre il documento non si apriva']));
		anna.destroy();
		await eventually(() => expect(server.collab.stats().documents).toBe(0));
		const check = new Y.Doc();
		Y.applyUpdate(check, await server.collab.encodeState(scene.document.id));
		expect(paragraphs(check).sort()).toEqual(['Premesse del patto', 'Scritto mentre il documento non si apriva']);
		await server.close();
		await base.close();
	});

	it('keeps a document in memory while storing fails, and stores every change once it works', async () => {
		const base = await backend.fresh();
		const { db, fail, mend } = breakable(base);
		const scene = await createScene(db);
		const server = await startCollab(db);
		const enzo = connect(server.url, scene.document.id, scene.editor.cookie);
		await eventually(() => expect(enzo.provider.synced).toBe(true));

		fail((sql) => sql.includes('insert into public.document_updates'));
		for (const line of ['Uno', 'Due', 'Tre']) enzo.write(line);
		enzo.destroy();
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(server.collab.stats().documents).toBe(1);
		const none = await base.query('select 1 from public.document_updates where document_id = $1', [scene.document.id]);
		expect(none.rows).toHaveLength(0);

		mend();
		await eventually(() => expect(server.collab.stats().documents).toBe(0));
		const check = new Y.Doc();
		Y.applyUpdate(check, await server.collab.encodeState(scene.document.id));
		expect(paragraphs(check)).toEqual(['Uno', 'Due', 'Tre']);
		await server.close();
		await base.close();
	});

	describe('a server killed with SIGKILL', () => {
		afterAll(killChildServers);

		it('keeps every stored edit, neither lost nor duplicated, after a restart', { timeout: 60_000 }, async () => {
			const shared = await backend.shared();
			const setup = await shared.open();
			const scene = await createScene(setup);
			await setup.close();

			const first = await startChildServer(shared.env);
			const enzo = connect(first.url, scene.document.id, scene.editor.cookie);
			await eventually(() => expect(enzo.provider.synced).toBe(true));
			for (let i = 1; i <= 20; i++) enzo.write(`Azione ${i}`);
			// Changes reach the database within 500 ms of reaching the server: wait three times that.
			await new Promise((resolve) => setTimeout(resolve, 1_500));
			await first.kill();

			const second = await startChildServer({ ...shared.env, CHILD_PORT: String(first.port) });
			const fresh = connect(second.url, scene.document.id, scene.facilitator.cookie);
			await eventually(() => expect(paragraphs(fresh.doc)).toHaveLength(20), 10_000);
			expect(paragraphs(fresh.doc)).toEqual(Array.from({ length: 20 }, (_, i) => `Azione ${i + 1}`));
			// The writer's own copy reconnects and merges without duplicating anything.
			await eventually(() => expect(enzo.provider.synced && enzo.provider.wsconnected).toBe(true), 10_000);
			enzo.write('Dopo il riavvio');
			await eventually(() => expect(paragraphs(fresh.doc)).toHaveLength(21));
			enzo.destroy();
			fresh.destroy();
			await second.stop();
			await shared.drop();
		});
	});
});
