// What must never be in the server's log: a password someone typed, a
// password hash, a session token, a cookie header's value, an email address.

export interface Secret {
	/** What it is, as the report names it. */
	what: string;
	value: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const HASH = /scrypt\$/g;
// A Cookie or Set-Cookie header with its value, however a logger lays it out (`cookie: a=b`, `"cookie":"a=b"`).
const COOKIE_HEADER = /\b(?:set-)?cookie["']?\s*[:=]\s*["']?(?!\[redacted\])[^\s"',;}]{6,}/gi;

/** The line around a position, cut to a readable length. */
function lineAround(log: string, at: number): string {
	const start = log.lastIndexOf('\n', at) + 1;
	const end = log.indexOf('\n', at);
	const line = log.slice(start, end < 0 ? undefined : end);
	const offset = at - start;
	return line.length > 240 ? `…${line.slice(Math.max(0, offset - 100), offset + 140)}…` : line;
}

/** Each leak found, with the line it is on. */
export function findLeaks(log: string, secrets: Secret[]): string[] {
	const leaks: string[] = [];
	for (const { what, value } of secrets) {
		// As typed, and as JSON would escape it in a structured log line.
		const forms = new Set([value, JSON.stringify(value).slice(1, -1)]);
		for (const form of forms) {
			const at = log.indexOf(form);
			if (at >= 0) {
				leaks.push(`${what}: ${lineAround(log, at)}`);
				break;
			}
		}
	}
	for (const [pattern, what] of [
		[HASH, 'a password hash (scrypt$…)'],
		[EMAIL, 'an email address'],
		[COOKIE_HEADER, 'a cookie header value']
	] as const) {
		const seen = new Set<string>();
		for (const match of log.matchAll(pattern)) {
			if (seen.has(match[0])) continue;
			seen.add(match[0]);
			leaks.push(`${what} (${match[0]}): ${lineAround(log, match.index ?? 0)}`);
		}
	}
	return leaks;
}
