import type { Database } from '../db/types.ts';
import type { LiveEvent } from '../../live.ts';

/** The channel the database announces on (see the activity and notification migrations). */
export const CHANNEL = 'trama_events';

export interface LiveSubscriber {
	userId: string;
	/** The network whose page is open, if any: its activity is heard too. */
	networkId: string | null;
	send(event: LiveEvent): void;
	/** This person is no longer a member of networkId. */
	revoked(): void;
}

export interface LiveHub {
	/** Starts hearing the database; resolves once listening. */
	start(): Promise<void>;
	subscribe(subscriber: LiveSubscriber): () => void;
	readonly size: number;
	close(): Promise<void>;
}

interface Announcement {
	network?: string;
	action?: string;
	subject?: string;
	actor?: string;
	recipient?: string;
}

const LEAVING = new Set(['member_left', 'member_removed']);

/**
 * Fans the database's announcements out to the open pages of this process.
 * Every app process listens on its own, so pages stay live whichever process
 * serves them. Only ids and the kind of change travel: each page then asks
 * for what changed as its person, under row-level security.
 */
export function createLiveHub(db: Database): LiveHub {
	const byNetwork = new Map<string, Set<LiveSubscriber>>();
	const byUser = new Map<string, Set<LiveSubscriber>>();
	let stop: (() => Promise<void>) | null = null;
	let starting: Promise<void> | null = null;

	function receive(payload: string) {
		if (payload === '') {
			// The connection to the database came back: anything may have been missed.
			for (const set of byUser.values()) for (const s of set) s.send({ type: 'resync' });
			return;
		}
		let message: Announcement;
		try {
			message = JSON.parse(payload);
		} catch {
			return;
		}
		if (message.recipient) {
			for (const s of byUser.get(message.recipient) ?? []) s.send({ type: 'notification' });
			return;
		}
		if (!message.network || !message.action) return;
		const event: LiveEvent = {
			type: 'activity',
			network: message.network,
			action: message.action,
			subject: message.subject ?? null,
			actor: message.actor ?? null
		};
		for (const s of [...(byNetwork.get(message.network) ?? [])]) {
			if (LEAVING.has(message.action) && message.subject === s.userId) s.revoked();
			else s.send(event);
		}
	}

	const add = (map: Map<string, Set<LiveSubscriber>>, key: string, s: LiveSubscriber) => {
		const set = map.get(key) ?? new Set();
		set.add(s);
		map.set(key, set);
	};
	const remove = (map: Map<string, Set<LiveSubscriber>>, key: string, s: LiveSubscriber) => {
		const set = map.get(key);
		set?.delete(s);
		if (set?.size === 0) map.delete(key);
	};

	return {
		start() {
			starting ??= db.listen(CHANNEL, receive).then(
				(unlisten) => {
					stop = unlisten;
				},
				(error: unknown) => {
					// Not for good: the next page to open tries again, as runtime() does.
					starting = null;
					throw error;
				}
			);
			return starting;
		},
		subscribe(subscriber) {
			add(byUser, subscriber.userId, subscriber);
			if (subscriber.networkId) add(byNetwork, subscriber.networkId, subscriber);
			return () => {
				remove(byUser, subscriber.userId, subscriber);
				if (subscriber.networkId) remove(byNetwork, subscriber.networkId, subscriber);
			};
		},
		get size() {
			let count = 0;
			for (const set of byUser.values()) count += set.size;
			return count;
		},
		async close() {
			await starting?.catch(() => {});
			await stop?.();
			byNetwork.clear();
			byUser.clear();
		}
	};
}
