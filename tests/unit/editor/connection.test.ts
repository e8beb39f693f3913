import { describe, expect, it } from 'vitest';
import {
	INITIAL_CONNECTION,
	closeError,
	nextConnection,
	shouldReconnect,
	type ConnectionEvent,
	type ConnectionState
} from '../../../src/lib/editor/connection.ts';

const run = (...events: ConnectionEvent[]): ConnectionState => events.reduce(nextConnection, INITIAL_CONNECTION);
const open: ConnectionEvent = { type: 'socket-open' };
const synced: ConnectionEvent = { type: 'synced' };
const closed = (code: number | null): ConnectionEvent => ({ type: 'socket-closed', code });

describe('the connection state a person sees', () => {
	it('starts as connecting, syncs once the socket opens, and is connected after the first sync', () => {
		expect(run().status).toBe('connecting');
		expect(run(open).status).toBe('syncing');
		expect(run(open, synced).status).toBe('connected');
	});

	it('goes offline when the socket drops and stays offline through quiet retries', () => {
		const dropped = run(open, synced, closed(1006));
		expect(dropped.status).toBe('offline');
		expect(nextConnection(dropped, { type: 'socket-connecting' }).status).toBe('offline');
		expect(run(open, synced, closed(1006), { type: 'socket-connecting' }, closed(1006)).status).toBe('offline');
	});

	it('syncs the changes kept offline when the socket comes back, then is connected', () => {
		const back = run(open, synced, closed(1006), { type: 'socket-connecting' }, open);
		expect(back.status).toBe('syncing');
		expect(nextConnection(back, synced).status).toBe('connected');
	});

	it('remembers that edits are saved on this device once IndexedDB has been read', () => {
		const state = run(closed(1006), { type: 'saved-locally' });
		expect(state).toMatchObject({ status: 'offline', savedLocally: true });
	});

	it('is offline as soon as the browser says the network is gone', () => {
		expect(run(open, synced, { type: 'browser-offline' }).status).toBe('offline');
		expect(run(open, synced, { type: 'browser-offline' }, { type: 'browser-online' }).status).toBe('offline');
	});

	it('treats a close by the browser itself (no code) as offline', () => {
		expect(run(open, synced, closed(null)).status).toBe('offline');
	});

	it('keeps connecting, saying the server is busy, when the server asks to retry later (4000)', () => {
		const busy = run(open, closed(4000));
		expect(busy).toMatchObject({ status: 'connecting', serverBusy: true });
		expect(run(open, closed(4000), open, synced)).toMatchObject({ status: 'connected', serverBusy: false });
	});

	it('stops with an explanation for a message too big, a flood or a malformed message', () => {
		expect(run(open, synced, closed(1009))).toMatchObject({ status: 'error', error: 'too_big' });
		expect(run(open, synced, closed(1008))).toMatchObject({ status: 'error', error: 'flood' });
		expect(run(open, synced, closed(4400))).toMatchObject({ status: 'error', error: 'malformed' });
		expect(run(open, closed(4401))).toMatchObject({ status: 'error', error: 'refused' });
		expect(run(open, synced, closed(4410))).toMatchObject({ status: 'error', error: 'gone' });
	});

	it('connects anew once the page has asked again what this person may do (4403: their access changed)', () => {
		const changed = run(open, synced, closed(4403));
		expect(changed).toMatchObject({ status: 'error', error: 'access_changed' });
		expect(run(open, synced, closed(4403), { type: 'access-rechecked' }, open, synced)).toMatchObject({ status: 'connected', error: null });
		// Only an access change is rechecked: other terminal errors still need a reload.
		expect(run(open, synced, closed(1009), { type: 'access-rechecked' })).toMatchObject({ status: 'error', error: 'too_big' });
	});

	it('stays in error whatever the socket or the browser do afterwards', () => {
		const failed = run(open, synced, closed(1009), open, synced, { type: 'browser-offline' }, closed(1006));
		expect(failed).toMatchObject({ status: 'error', error: 'too_big' });
	});

	it('never marks an in-progress first connection as connected without a sync', () => {
		expect(run(synced).status).toBe('connecting');
	});
});

describe('reconnecting', () => {
	it('reconnects after ordinary drops and a busy server, never after a terminal close', () => {
		expect(shouldReconnect({ code: 1006 })).toBe(true);
		expect(shouldReconnect({ code: 1001 })).toBe(true);
		expect(shouldReconnect({ code: 4000 })).toBe(true);
		expect(shouldReconnect({ code: 1009 })).toBe(false);
		expect(shouldReconnect({ code: 1008 })).toBe(false);
		expect(shouldReconnect({ code: 4400 })).toBe(false);
		expect(shouldReconnect({ code: 4403 })).toBe(false);
		expect(closeError(4499)).toBe('refused');
		expect(closeError(4500)).toBeNull();
	});
});
