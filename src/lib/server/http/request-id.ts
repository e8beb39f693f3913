import { randomUUID } from 'node:crypto';

// A proxy in front may already have named the request; its id is kept when
// it looks like one, so one id follows the request through both logs.
const PROXY_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The id that a request's log lines and its error page share. */
export function requestId(fromProxy: string | null): string {
	return fromProxy && PROXY_ID.test(fromProxy) ? fromProxy : randomUUID().slice(0, 8);
}
