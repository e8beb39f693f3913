// The bus on Postgres: NOTIFY on one channel, trama_collab, which every
// process serving documents LISTENs to on the connection it already keeps
// for the app's live events. A notification is the sender's name, then one
// line per message: the document's id and the message in base64. Postgres
// hands each notification to every listener, so one per document and
// message (as with a channel per document) cost it a wake-up and a send per
// process for each keystroke: W1 on two processes, 4,000 a second. Gathered
// this way, a busy process sends a few hundred.
// A message too large for NOTIFY's 8000 bytes is written to
// trama_collab.relay and only its id is announced, in the same statement.
import type { Database } from '../db/types.ts';
import { processName, type BusHandler, type CollabBus } from './bus.ts';
import { log } from '../log.ts';

const CHANNEL = 'trama_collab';
// Base64 of up to 5,400 bytes, with the sender's name and a document id, stays under 8000.
const INLINE_BYTES = 5_400;
const PAYLOAD_CHARS = 7_900;
// NOTIFY gives its transaction an id, so each commit would wait for the WAL
// to reach the disk: an fsync before every message left, for messages that
// are gone anyway if Postgres stops. Without it, W1 on two processes went
// from a p99 of 68–77 ms to 24–28 ms.
const NO_FLUSH = `(select set_config('synchronous_commit', 'off', true)) as no_flush`;
const ID_CHARS = 36;
const RELAY_KEEP = '1 minute';
const SWEEP_EVERY_MS = 30_000;
const RETRY_MS = [100, 250, 500, 1_000, 2_000, 5_000];
// Each statement is a commit that wakes every listening connection: one at
// most every 5 ms gathers a busy process's changes into a few statements a
// second per core instead of hundreds (W1 on two processes: Postgres at 33 %
// of a core with one per turn of the event loop).
const GATHER_MS = 5;

interface Outgoing {
	documentId: string;
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
	const rooms = new Map<string, BusHandler>();
	let listening: Promise<() => Promise<void>> | null = null;

	const sweep = setInterval(() => {
		db.query(`delete from trama_collab.relay where created_at < now() - interval '${RELAY_KEEP}'`).catch((error: unknown) =>
			log.warn({ err: error }, 'collab bus: clearing old relayed messages failed')
		);
	}, SWEEP_EVERY_MS);
	sweep.unref();

	let lastSent = 0;
	// Everything published meanwhile goes in one round trip: at the end of this
	// turn of the event loop, or GATHER_MS after the previous statement.
	function schedule(delay = Math.max(0, lastSent + GATHER_MS - performance.now())) {
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
		lastSent = performance.now();
		const batch = queue;
		queue = [];
		if (batch.length === 0) return;
		const inline = batch.filter((item) => item.message.byteLength <= INLINE_BYTES);
		const relayed = batch.filter((item) => item.message.byteLength > INLINE_BYTES);
		try {
			if (inline.length > 0) {
				await db.query(`select pg_notify($1, p) from ${NO_FLUSH}, unnest($2::text[]) with ordinality as m (p, n) order by n`, [
					CHANNEL,
					payloads(inline.map((item) => `${item.documentId}:${Buffer.from(item.message).toString('base64')}`))
				]);
			}
			for (const item of relayed) {
				await db.query(
					`with stored as (insert into trama_collab.relay (payload) values ($2) returning id)
					 select pg_notify($1, $3 || stored.id::text) from ${NO_FLUSH}, stored`,
					[CHANNEL, Buffer.from(item.message), `${name}\n${item.documentId}#`]
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

	/** The notification's lines, each up to PAYLOAD_CHARS with the sender's name first. */
	function payloads(lines: string[]): string[] {
		const out: string[] = [];
		let current = name;
		for (const line of lines) {
			if (current.length + 1 + line.length > PAYLOAD_CHARS) {
				out.push(current);
				current = name;
			}
			current += `\n${line}`;
		}
		out.push(current);
		return out;
	}

	async function receive(payload: string) {
		if (payload === '') {
			for (const handler of rooms.values()) handler(null);
			return;
		}
		const lines = payload.split('\n');
		if (lines[0] === name) return;
		for (const line of lines.slice(1)) {
			const handler = rooms.get(line.slice(0, ID_CHARS));
			if (!handler) continue;
			const body = line.slice(ID_CHARS + 1);
			if (line[ID_CHARS] === ':') handler(Buffer.from(body, 'base64'));
			else handler(await relayed(body));
		}
	}

	// Gone already (this process was far behind): the same as having missed messages.
	async function relayed(id: string): Promise<Uint8Array | null> {
		const { rows } = await db.query<{ payload: Uint8Array }>('select payload from trama_collab.relay where id = $1', [id]);
		return rows[0]?.payload ?? null;
	}

	function onPayload(payload: string) {
		receiving = receiving.then(() => receive(payload)).catch((error: unknown) => log.error({ err: error }, 'collab bus: a message could not be read'));
	}

	return {
		kind: 'postgres',
		async subscribe(documentId, handler: BusHandler) {
			rooms.set(documentId, handler);
			listening ??= db.listen(CHANNEL, onPayload).catch((error: unknown) => {
				listening = null;
				throw error;
			});
			try {
				await listening;
			} catch (error) {
				rooms.delete(documentId);
				throw error;
			}
			return async () => {
				if (rooms.get(documentId) === handler) rooms.delete(documentId);
			};
		},
		publish(documentId, message) {
			queue.push({ documentId, message });
			schedule();
		},
		async close() {
			closed = true;
			clearInterval(sweep);
			await (await listening?.catch(() => null))?.();
			// What is queued is still sent, once: the others need it more than this process does.
			await sending;
			if (queue.length > 0 && failures === 0) await send();
		}
	};
}
