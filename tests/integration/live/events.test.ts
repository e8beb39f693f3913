import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../databases.ts';
import { eventually } from '../collab/harness.ts';
import { withUser } from '../../../src/lib/server/db/with-user.ts';
import type { Database } from '../../../src/lib/server/db/types.ts';
import { CHANNEL } from '../../../src/lib/server/live/hub.ts';
import { mentionToken } from '../../../src/lib/mentions.ts';
import { createCast, replyInThread, startThread } from '../conversations/scene.ts';

// What the database announces on trama_events, as db.listen() hears it: one
// payload per committed activity entry and per notification written or
// read, and nothing at all of a transaction that was rolled back.

type Payload = { network?: string; action?: string; subject?: string; actor?: string; id?: number; recipient?: string };

describe.each(backends)('the trama_events channel on $name', (backend) => {
	let db: Database;
	let unlisten: () => Promise<void>;
	const heard: string[] = [];

	beforeAll(async () => {
		db = await backend.fresh();
		unlisten = await db.listen(CHANNEL, (payload) => heard.push(payload));
	});
	afterAll(async () => {
		await unlisten?.();
		await db?.close();
	});

	/**
	 * Everything heard so far, up to a marker sent now. Notifications arrive
	 * in commit order, so once the marker is in nothing committed before it
	 * is still on its way.
	 */
	async function drain(): Promise<Payload[]> {
		const marker = `marker-${randomUUID()}`;
		await db.query('select pg_notify($1, $2)', [CHANNEL, marker]);
		await eventually(() => expect(heard).toContain(marker));
		return heard
			.splice(0)
			.filter((payload) => !payload.startsWith('marker-'))
			.map((payload) => JSON.parse(payload) as Payload);
	}

	async function heardDuring(act: () => Promise<unknown>): Promise<Payload[]> {
		await drain();
		await act();
		return drain();
	}

	const activitySince = async (network: { id: string }, payloads: Payload[]) =>
		(
			await db.query<{ id: string; action: string; subject_id: string; actor_id: string }>(
				'select id, action::text as action, subject_id, actor_id from public.activity where network_id = $1 and id >= $2 order by id',
				[network.id, Math.min(...payloads.filter((p) => p.id).map((p) => p.id!))]
			)
		).rows.map((row) => ({ network: network.id, action: row.action, subject: row.subject_id, actor: row.actor_id, id: Number(row.id) }));

	it('announces a new thread once, with a notification for each member it mentions', async () => {
		const cast = await createCast(db);
		const body = `${mentionToken('Paolo', cast.viewer.id)} e ${mentionToken('Anna', cast.commenter.id)}, leggete.`;
		let thread = { id: '', networkId: '' };
		const payloads = await heardDuring(async () => {
			thread = await startThread(db, cast.editor, cast.network, { body });
		});
		const activity = payloads.filter((p) => p.action);
		expect(activity).toEqual([
			{ network: cast.network.id, action: 'thread_started', subject: thread.id, actor: cast.editor.id, id: activity[0].id }
		]);
		expect(activity).toEqual(await activitySince(cast.network, activity));
		expect(payloads.filter((p) => p.recipient).map((p) => p.recipient).sort()).toEqual([cast.commenter.id, cast.viewer.id].sort());
		expect(payloads).toHaveLength(3);
	});

	it('announces every entry and notification of a transaction that writes several', async () => {
		const cast = await createCast(db);
		const thread = await startThread(db, cast.facilitator, cast.network);
		await replyInThread(db, cast.commenter, thread);
		const payloads = await heardDuring(() =>
			withUser(db, cast.editor.claims, async (tx) => {
				for (const body of ['Primo punto.', 'Secondo punto.']) {
					await tx.query('insert into public.thread_messages (thread_id, network_id, body) values ($1, $2, $3)', [
						thread.id,
						thread.networkId,
						body
					]);
				}
			})
		);
		const activity = payloads.filter((p) => p.action);
		expect(activity.map((p) => p.action)).toEqual(['thread_replied', 'thread_replied']);
		expect(activity).toEqual(await activitySince(cast.network, activity));
		// Four notifications (two replies × two participants), but one payload
		// per recipient: Postgres folds identical payloads of one transaction,
		// and a page only needs to hear "yours changed" once.
		expect(payloads.filter((p) => p.recipient).map((p) => p.recipient).sort()).toEqual([cast.commenter.id, cast.facilitator.id].sort());
	});

	it('announces a notification marked read to its recipient', async () => {
		const cast = await createCast(db);
		await startThread(db, cast.editor, cast.network, { body: mentionToken('Paolo', cast.viewer.id) });
		const payloads = await heardDuring(() =>
			withUser(db, cast.viewer.claims, (tx) => tx.query('update public.notifications set read_at = now() where read_at is null'))
		);
		expect(payloads).toEqual([{ recipient: cast.viewer.id }]);
	});

	it('announces nothing of a transaction that was rolled back', async () => {
		const cast = await createCast(db);
		const payloads = await heardDuring(async () => {
			const failed = withUser(db, cast.editor.claims, async (tx) => {
				await tx.query('insert into public.threads (network_id, title, body) values ($1, $2, $3)', [
					cast.network.id,
					'Mai esistito',
					mentionToken('Paolo', cast.viewer.id)
				]);
				throw new Error('the page went away');
			});
			await expect(failed).rejects.toThrow('the page went away');
		});
		expect(payloads).toEqual([]);
		const { rows } = await db.query(`select 1 from public.threads where title = 'Mai esistito'`);
		expect(rows).toEqual([]);
	});
});
