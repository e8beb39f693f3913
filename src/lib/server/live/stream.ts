import type { LiveEvent } from '../../live.ts';
import type { LiveHub } from './hub.ts';

// Proxies close idle connections: a comment line now and then keeps the stream open.
const HEARTBEAT_MS = 25_000;

/**
 * A server-sent event stream of what happens for one person (and the
 * network whose page they have open), until the page goes away or the
 * person leaves that network.
 */
export function liveStream(hub: LiveHub, who: { userId: string; networkId: string | null }, signal: AbortSignal): Response {
	const encoder = new TextEncoder();
	let cleanup = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			const write = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					cleanup();
				}
			};
			const send = (event: LiveEvent) => write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
			const unsubscribe = hub.subscribe({
				...who,
				send,
				revoked() {
					write('event: revoked\ndata: {}\n\n');
					cleanup();
					controller.close();
				}
			});
			const heartbeat = setInterval(() => write(': \n\n'), HEARTBEAT_MS);
			cleanup = () => {
				clearInterval(heartbeat);
				unsubscribe();
				signal.removeEventListener('abort', onAbort);
			};
			const onAbort = () => {
				cleanup();
				try {
					controller.close();
				} catch {
					// Already closed.
				}
			};
			signal.addEventListener('abort', onAbort);
			// Tells the browser how soon to come back after a drop, and that the stream is open.
			write('retry: 2000\nevent: ready\ndata: {}\n\n');
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			'x-accel-buffering': 'no'
		}
	});
}
