import pg from 'pg';

type Handler = (payload: string) => void;

const RETRY_MS = [250, 500, 1000, 2000, 5000];

/**
 * LISTEN for a pool's database on a connection of its own (a pooled one may
 * be handed to someone else), reconnecting with back-off when it drops.
 * After a reconnection every handler gets an empty payload: events may have
 * been missed meanwhile.
 */
export function postgresListener(url: string) {
	const handlers = new Map<string, Set<Handler>>();
	let client: pg.Client | null = null;
	let connecting: Promise<pg.Client> | null = null;
	let closed = false;
	let failures = 0;

	async function connect(): Promise<pg.Client> {
		const next = new pg.Client({ connectionString: url });
		next.on('notification', ({ channel, payload }) => {
			for (const handler of handlers.get(channel) ?? []) handler(payload ?? '');
		});
		next.on('error', () => reconnect(next));
		await next.connect();
		for (const channel of handlers.keys()) await next.query(`listen ${pg.escapeIdentifier(channel)}`);
		return next;
	}

	function reconnect(broken: pg.Client) {
		if (closed || client !== broken) return;
		client = null;
		broken.end().catch(() => {});
		retryLater();
	}

	function retryLater() {
		const delay = RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)];
		setTimeout(() => {
			if (closed) return;
			ensure()
				.then(() => {
					failures = 0;
					for (const set of handlers.values()) for (const handler of set) handler('');
				})
				.catch(retryLater);
		}, delay).unref();
	}

	function ensure(): Promise<pg.Client> {
		if (client) return Promise.resolve(client);
		connecting ??= connect()
			.then(async (c) => {
				if (closed) {
					// Closed while this connection was being made: it is nobody's, and nobody is told.
					await c.end().catch(() => {});
					throw new Error('listener closed');
				}
				return (client = c);
			})
			.finally(() => (connecting = null));
		return connecting;
	}

	return {
		async listen(channel: string, onPayload: Handler): Promise<() => Promise<void>> {
			const set = handlers.get(channel) ?? new Set();
			const first = set.size === 0;
			set.add(onPayload);
			handlers.set(channel, set);
			const c = await ensure();
			if (first) await c.query(`listen ${pg.escapeIdentifier(channel)}`);
			return async () => {
				set.delete(onPayload);
				if (set.size > 0) return;
				handlers.delete(channel);
				await client?.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => {});
			};
		},
		async close() {
			closed = true;
			// A connection still being made is ended as soon as it is (see ensure()).
			await client?.end().catch(() => {});
			client = null;
		}
	};
}
