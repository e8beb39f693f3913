// The bus on Redis pub/sub, when REDIS_URL is set: one channel per document,
// as Hocuspocus's Redis extension does. A message is the sender's name (8
// bytes) followed by the y-websocket message. ioredis queues what is
// published while Redis is away and subscribes again when it is back.
import { Redis } from 'ioredis';
import { processName, type BusHandler, type CollabBus } from './bus.ts';
import { log } from '../log.ts';

const NAME_BYTES = 8;

export function redisBus(url: string, name = processName()): CollabBus {
	const self = Buffer.from(name, 'hex');
	const options = { enableAutoPipelining: true, maxRetriesPerRequest: null };
	const publisher = new Redis(url, options);
	const subscriber = new Redis(url, options);
	const handlers = new Map<string, BusHandler>();
	let ready = false;
	let closed = false;

	for (const client of [publisher, subscriber]) {
		client.on('error', (error: Error) => log.warn({ err: error }, 'collab bus: Redis connection failed, retrying'));
	}
	subscriber.on('ready', () => {
		// Back after a loss: whatever was published meanwhile was missed.
		if (ready) for (const handler of handlers.values()) handler(null);
		ready = true;
	});
	subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
		if (message.byteLength < NAME_BYTES || message.subarray(0, NAME_BYTES).equals(self)) return;
		handlers.get(channel.toString())?.(message.subarray(NAME_BYTES));
	});

	return {
		kind: 'redis',
		async subscribe(documentId, handler) {
			const channel = channelOf(documentId);
			handlers.set(channel, handler);
			await subscriber.subscribe(channel);
			return async () => {
				if (handlers.get(channel) !== handler) return;
				handlers.delete(channel);
				await subscriber.unsubscribe(channel).catch(() => {});
			};
		},
		publish(documentId, message) {
			if (closed) return;
			publisher.publish(channelOf(documentId), Buffer.concat([self, message])).catch((error: unknown) => {
				log.warn({ err: error, documentId }, 'collab bus: publishing to Redis failed');
			});
		},
		async close() {
			closed = true;
			await Promise.allSettled([publisher.quit(), subscriber.quit()]);
		}
	};
}

function channelOf(documentId: string): string {
	return `trama:collab:${documentId}`;
}
