// The bus on Postgres: NOTIFY on one channel per document, which every
// process with the document open LISTENs to on the connection it already
// keeps for the app's live events. A payload is the sender's name and the
// message in base64; a message too large for NOTIFY's 8000 bytes is written
// to trama_collab.relay and only its id is announced, in the same statement.
import type { Database } from '../db/types.ts';
import { processName, type BusHandler, type CollabBus } from './bus.ts';
import { log } from '../log.ts';

// Base64 of up to 5,400 bytes, with the sender's name, stays under 8000.
const INLINE_BYTES = 5_400;
const RELAY_KEEP = '1 minute';
const SWEEP_EVERY_MS = 30_000;
const RETRY_MS = [100, 250, 500, 1_000, 2_000, 5_000];

interface Outgoing {
	channel: string;
	message: Uint8Array;
}

export function postgresBus(db: Database, name = processName()): CollabBus {
	let queue: Outgoing[] = [];
	let scheduled = false;
	let sending: Promise<void> | null = null;
	let failures = 0;
	let closed = false;
	/** What arrives is handled in order, a relayed message's fetch included. */
	let receiving: Promise<void> = Promise.resolve();

	const sweep = setInterval(() => {
		db.query(`delete from trama_collab.relay where created_at < now() - interval '${RELAY_KEEP}'`).catch((error: unknown) =>
			log.warn({ err: error }, 'collab bus: clearing old relayed messages failed')
		);
	}, SWEEP_EVERY_MS);
	sweep.unref();

	// Everything published in one turn of the event loop goes in one round trip.
	function schedule(delay = 0) {
		if (scheduled || closed) return;
		scheduled = true;
		const run = () => {
			scheduled = false;
			sending ??= send().finally(() => (sending = null));
		};
		if (delay === 0) setImmediate(run);
		else setTimeout(run, delay).unref();
	}

	async function send() {
		const batch = queue;
		queue = [];
		if (batch.length === 0) return;
		const inline = batch.filter((item) => item.message.byteLength <= INLINE_BYTES);
		const relayed = batch.filter((item) => item.message.byteLength > INLINE_BYTES);
		try {
			if (inline.length > 0) {
				await db.query('select pg_notify(c, p) from unnest($1::text[], $2::text[]) with ordinality as m (c, p, n) order by n', [
					inline.map((item) => item.channel),
					inline.map((item) => `${name}:${Buffer.from(item.message).toString('base64')}`)
				]);
			}
			for (const item of relayed) {
				await db.query(
					`with stored as (insert into trama_collab.relay (payload) values ($2) returning id)
					 select pg_notify($1, $3 || stored.id::text) from stored`,
					[item.channel, Buffer.from(item.message), `${name}#`]
				);
			}
			failures = 0;
		} catch (error) {
			// Kept in order for the next attempt (one sent twice changes nothing): the
			// others would otherwise miss these changes until they next resync.
			queue = batch.concat(queue);
			const delay = RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)];
			log.warn({ err: error, messages: batch.length, retryInMs: delay }, 'collab bus: publishing failed, retrying');
			scheduled = false;
			schedule(delay);
			return;
		}
		if (queue.length > 0) schedule();
	}

	async function decode(payload: string): Promise<Uint8Array | null | undefined> {
		if (payload === '') return null;
		const separator = payload.search(/[:#]/);
		if (separator < 0 || payload.slice(0, separator) === name) return undefined;
		const body = payload.slice(separator + 1);
		if (payload[separator] === ':') return Buffer.from(body, 'base64');
		const { rows } = await db.query<{ payload: Uint8Array }>('select payload from trama_collab.relay where id = $1', [body]);
		if (rows[0]) return rows[0].payload;
		// Gone already (this process was far behind): the same as having missed messages.
		return null;
	}

	return {
		kind: 'postgres',
		subscribe(documentId, handler: BusHandler) {
			return db.listen(channelOf(documentId), (payload) => {
				receiving = receiving
					.then(() => decode(payload))
					.then((message) => {
						if (message !== undefined) handler(message);
					})
					.catch((error: unknown) => log.error({ err: error, documentId }, 'collab bus: a message could not be read'));
			});
		},
		publish(documentId, message) {
			queue.push({ channel: channelOf(documentId), message });
			schedule();
		},
		async close() {
			closed = true;
			clearInterval(sweep);
			// What is queued is still sent, once: the others need it more than this process does.
			await sending;
			if (queue.length > 0 && failures === 0) await send();
		}
	};
}

function channelOf(documentId: string): string {
	return `trama_collab_${documentId}`;
}
