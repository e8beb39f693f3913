// The server's one logger: pino, JSON lines on standard output. Nothing a
// person typed or holds as a secret may reach it. Two layers make sure:
// errors are reduced to the fields that describe a failure (a database
// error's code, constraint and table, never its query, parameters or
// detail, which carry the values), and pino's path redaction censors the
// keys that name a secret wherever a caller puts them.
import pino from 'pino';

const CENSORED = '[redacted]';

/** Keys that name a secret or a person's data, at the top level or one object down. */
const SECRET_KEYS = ['password', 'hash', 'token', 'cookie', 'authorization', 'email', 'params', 'detail', 'query'];

// What survives of text that describes a failure (a message, a stack): an
// email, a password hash or a long token-like run never does.
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PASSWORD_HASH = /scrypt\$[^\s"',)]+/g;
// No slash: paths in a stack trace stay readable; the session and invitation tokens are base64url.
const TOKEN_LIKE = /[A-Za-z0-9_\-+=]{32,}/g;
// Postgres quotes the offending value in some messages: `invalid input syntax for type uuid: "…"`.
const QUOTED_VALUE = /(: )"[^"]*"/g;

export function scrub(text: string): string {
	return text
		.replace(EMAIL, '[email]')
		.replace(PASSWORD_HASH, '[hash]')
		.replace(QUOTED_VALUE, '$1"[value]"')
		.replace(TOKEN_LIKE, CENSORED);
}

/** The fields of a database error (node-postgres and PGlite alike) that hold no values. */
const DESCRIPTIVE = ['code', 'severity', 'constraint', 'schema', 'table', 'column', 'dataType', 'routine'] as const;

export interface LoggedError {
	type: string;
	message: string;
	stack?: string;
	[field: string]: unknown;
}

/** An error as it may be logged: its kind, scrubbed message and stack, descriptive fields, and its causes alike. */
export function loggableError(error: unknown, depth = 0): LoggedError {
	if (!(error instanceof Error)) return { type: typeof error, message: scrub(String(error)) };
	const logged: LoggedError = { type: error.name || error.constructor.name, message: scrub(error.message) };
	for (const field of DESCRIPTIVE) {
		const value = (error as unknown as Record<string, unknown>)[field];
		if (typeof value === 'string' || typeof value === 'number') logged[field] = value;
	}
	if (error.stack) logged.stack = scrub(error.stack);
	if (error.cause !== undefined && depth < 3) logged.cause = loggableError(error.cause, depth + 1);
	return logged;
}

export const log = pino({
	level: process.env.TRAMA_LOG_LEVEL ?? 'info',
	base: { pid: process.pid },
	serializers: { err: loggableError },
	redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`]), censor: CENSORED }
});
