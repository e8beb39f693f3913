import type { LiveEvent } from '../../../src/lib/live.ts';

// A reader of a server-sent event stream, as EventSource reads /live: each
// message's event name and JSON data, with the moment it arrived.

export interface Received {
	event: string;
	data: LiveEvent | Record<string, never>;
	at: number;
}

export interface EventStream {
	received: Received[];
	/** The server ended the stream. */
	readonly ended: boolean;
	close(): void;
}

/** Opens the stream and resolves once the server has said it is ready. */
export async function openEventStream(url: string): Promise<EventStream> {
	const closing = new AbortController();
	const response = await fetch(url, { signal: closing.signal, headers: { accept: 'text/event-stream' } });
	if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
	const received: Received[] = [];
	const { promise: isReady, resolve: ready } = Promise.withResolvers<void>();
	let ended = false;

	void (async () => {
		const decoder = new TextDecoder();
		let buffer = '';
		try {
			for await (const chunk of response.body!) {
				buffer += decoder.decode(chunk, { stream: true });
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const message = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const field = (name: string) =>
						message
							.split('\n')
							.find((line) => line.startsWith(`${name}: `))
							?.slice(name.length + 2);
					const event = field('event');
					if (!event) continue; // a heartbeat comment
					received.push({ event, data: JSON.parse(field('data') ?? '{}'), at: performance.now() });
					if (event === 'ready') ready();
				}
			}
			ended = true;
		} catch {
			// Closed by close(): nothing more to read.
		}
	})();

	await isReady;
	return {
		received,
		get ended() {
			return ended;
		},
		close: () => closing.abort()
	};
}
