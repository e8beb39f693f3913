// How long the server waits for a client, set on purpose rather than left
// to Node's defaults (which held a trickled upload for 327 s: a 300 s
// request timeout checked every 30 s). src/serve.ts applies these; this
// module only states them, so it stays free of sockets and clocks.
//
// The body of a request is held to a rule in the manner of Apache's
// mod_reqtimeout (`body=10,MinRate=16384`): it may take TRAMA_BODY_TIMEOUT
// seconds, and one second more for every TRAMA_BODY_MIN_RATE bytes that
// have arrived (16 KiB: 128 kbit/s, below a poor mobile uplink, so a
// person on a weak connection is never cut off). An upload at that rate or
// faster earns its time as it goes, however large; a client trickling a
// byte a second is cut off after about ten seconds, whatever length it
// declared.
import { parseSize } from './config.ts';

export interface BodyTimeout {
	/** What any body may take, in milliseconds. */
	baseMs: number;
	/** Bytes that earn a body one more second. */
	minRate: number;
}

export interface ServerTimeouts {
	/** The request line and headers must arrive within this (Node answers 408). */
	headersTimeoutMs: number;
	/**
	 * An idle connection between requests stays open this long. Above the
	 * 60 s that nginx and most load balancers keep an idle upstream
	 * connection, so a proxy never sends a request on one this server is
	 * just closing (which it would answer with a 502).
	 */
	keepAliveTimeoutMs: number;
	/** How often Node checks the headers timeout; its 30 s default would stretch 10 s into 40. */
	checkEveryMs: number;
	body: BodyTimeout;
}

const SECOND = 1000;

/** The timeouts, with the body's two settings read from the environment; a wrong value stops the start. */
export function readServerTimeouts(env: NodeJS.ProcessEnv): ServerTimeouts {
	return {
		headersTimeoutMs: 10 * SECOND,
		keepAliveTimeoutMs: 65 * SECOND,
		checkEveryMs: SECOND,
		body: {
			baseMs: env.TRAMA_BODY_TIMEOUT ? parseSeconds(env.TRAMA_BODY_TIMEOUT, 'TRAMA_BODY_TIMEOUT') : 10 * SECOND,
			minRate: env.TRAMA_BODY_MIN_RATE ? parseSize(env.TRAMA_BODY_MIN_RATE, 'TRAMA_BODY_MIN_RATE') : 16 * 1024
		}
	};
}

/** "10", "2.5": a positive number of seconds, in milliseconds. */
export function parseSeconds(text: string, name: string): number {
	const seconds = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
	if (!(seconds > 0)) throw new Error(`${name} must be a number of seconds above zero, such as 10, not "${text}"`);
	return Math.round(seconds * SECOND);
}

/** Whether a request carries a body at all: one that declares none has nothing to wait for. */
export function expectsBody(headers: { 'content-length'?: string; 'transfer-encoding'?: string }): boolean {
	return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}

/**
 * Milliseconds left to a body that has been waited for `waitedMs` and has
 * brought `received` bytes so far; zero or less once it is too slow.
 */
export function bodyTimeLeft(rule: BodyTimeout, progress: { waitedMs: number; received: number }): number {
	return rule.baseMs + (progress.received / rule.minRate) * SECOND - progress.waitedMs;
}

/** What a client cut off for a slow body reads: no request, so no language to choose; both of ours. */
export const SLOW_BODY_MESSAGE =
	'Richiesta troppo lenta: i dati non sono arrivati in tempo. Riprova con una connessione migliore. / ' +
	'Request too slow: the data did not arrive in time. Try again on a better connection.';
