// What the page tells a person about the link between their browser and the
// collab server. y-websocket reports low-level events (a socket opening, a
// socket closing with a code, a sync finishing) and retries on its own; this
// reducer turns them into the few states a person can act on, and keeps the
// retries quiet: while the server cannot be reached every attempt would
// otherwise flash "connecting" and back.

export type ConnectionStatus = 'connecting' | 'syncing' | 'connected' | 'offline' | 'error';

/** Why the server closed the socket for good: reconnecting would only repeat it. */
export type ConnectionError = 'too_big' | 'flood' | 'malformed' | 'access_changed' | 'gone' | 'refused';

export interface ConnectionState {
	status: ConnectionStatus;
	/** The browser's copy (IndexedDB) has been read: edits made from now on survive a reload offline. */
	savedLocally: boolean;
	/** The server asked to try again later (close code 4000): shown while reconnecting. */
	serverBusy: boolean;
	error: ConnectionError | null;
}

export type ConnectionEvent =
	| { type: 'socket-connecting' }
	| { type: 'socket-open' }
	| { type: 'synced' }
	/** A socket closed; code is null when the browser closed it itself (disconnect, watchdog). */
	| { type: 'socket-closed'; code: number | null }
	/** The page asked again what this person may do, after the server closed for an access change: connecting anew. */
	| { type: 'access-rechecked' }
	| { type: 'saved-locally' }
	| { type: 'browser-offline' }
	| { type: 'browser-online' };

export const INITIAL_CONNECTION: ConnectionState = {
	status: 'connecting',
	savedLocally: false,
	serverBusy: false,
	error: null
};

// Close codes after the socket opened (see the collab server): 1009 message
// too big, 1008 flood or policy, 4400–4499 a deliberate refusal (4400 is a
// malformed message, 4403 this person's access changed: a new role, the
// document approved or archived; 4410 the document was deleted). 4000 means "could not load the document, retrying".
export const CLOSE_TOO_BIG = 1009;
export const CLOSE_POLICY = 1008;
export const CLOSE_MALFORMED = 4400;
export const CLOSE_ACCESS_CHANGED = 4403;
export const CLOSE_GONE = 4410;
export const CLOSE_RETRY_LATER = 4000;

/** The terminal error a close code stands for, or null when reconnecting may help. */
export function closeError(code: number | null): ConnectionError | null {
	if (code === CLOSE_TOO_BIG) return 'too_big';
	if (code === CLOSE_POLICY) return 'flood';
	if (code === CLOSE_MALFORMED) return 'malformed';
	if (code === CLOSE_ACCESS_CHANGED) return 'access_changed';
	if (code === CLOSE_GONE) return 'gone';
	if (code !== null && code >= 4400 && code < 4500) return 'refused';
	return null;
}

/** y-websocket's shouldReconnect: never after a terminal close. */
export const shouldReconnect = (event: { code: number }): boolean => closeError(event.code) === null;

export function nextConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
	if (event.type === 'saved-locally') return { ...state, savedLocally: true };
	if (event.type === 'access-rechecked') {
		return state.error === 'access_changed' ? { ...state, status: 'connecting', error: null } : state;
	}
	// A terminal error stays until the person reloads the page.
	if (state.status === 'error') return state;
	switch (event.type) {
		case 'socket-connecting':
			// Retries while offline stay "offline"; only the very first attempt says "connecting".
			return state;
		case 'socket-open':
			return { ...state, status: 'syncing' };
		case 'synced':
			return state.status === 'syncing' ? { ...state, status: 'connected', serverBusy: false } : state;
		case 'socket-closed': {
			const error = closeError(event.code);
			if (error) return { ...state, status: 'error', error, serverBusy: false };
			if (event.code === CLOSE_RETRY_LATER) return { ...state, status: 'connecting', serverBusy: true };
			return { ...state, status: 'offline' };
		}
		case 'browser-offline':
			return { ...state, status: 'offline', serverBusy: false };
		case 'browser-online':
			return state;
	}
}
