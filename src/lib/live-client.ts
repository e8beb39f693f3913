import { invalidate, invalidateAll } from '$app/navigation';
import { navigating } from '$app/state';
import { staleKeys, type LiveEvent } from './live.ts';

// Messages that arrive together (a reply and its notification) refresh once.
const BATCH_MS = 30;

const listeners = new Set<(event: LiveEvent) => void>();

/** Calls fn with every live message while the returned function is not called. */
export function onLive(fn: (event: LiveEvent) => void): () => void {
	listeners.add(fn);
	return () => listeners.delete(fn);
}

/**
 * Opens the page's live channel (with a network's activity when one is
 * open) and refreshes the loads each message makes stale. The browser
 * reconnects by itself; after a drop everything is refreshed, since
 * messages may have been missed.
 */
export function connectLive(networkId: string | null): () => void {
	const source = new EventSource(networkId ? `/live?network=${encodeURIComponent(networkId)}` : '/live');
	const pending = new Set<string>();
	let everything = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let dropped = false;

	const flush = () => {
		// SvelteKit abandons a navigation when an invalidation starts during it
		// (a redirect after a form, a click on a link): wait until it lands.
		if (navigating.to) {
			timer = setTimeout(flush, BATCH_MS);
			return;
		}
		timer = undefined;
		if (everything) void invalidateAll();
		else for (const key of pending) void invalidate(key);
		pending.clear();
		everything = false;
	};
	const receive = (event: LiveEvent) => {
		for (const listener of listeners) listener(event);
		const keys = staleKeys(event);
		if (keys === null) everything = true;
		else for (const key of keys) pending.add(key);
		timer ??= setTimeout(flush, BATCH_MS);
	};

	for (const type of ['activity', 'notification', 'resync'] as const) {
		source.addEventListener(type, (message) => receive(JSON.parse((message as MessageEvent<string>).data)));
	}
	source.addEventListener('error', () => (dropped = true));
	source.addEventListener('ready', () => {
		if (dropped) receive({ type: 'resync' });
		dropped = false;
	});
	// No longer a member: the page's own load now says so.
	source.addEventListener('revoked', () => {
		source.close();
		void invalidateAll();
	});
	return () => {
		clearTimeout(timer);
		source.close();
	};
}
