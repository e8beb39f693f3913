import { describe, expect, it } from 'vitest';
import { loggableError, scrub } from '../../../src/lib/server/log.ts';

// What PGlite puts on a failed query: the query and its parameters ride along.
function pgliteError() {
	return Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
		code: '22021',
		severity: 'ERROR',
		routine: 'report_invalid_encoding',
		query: 'insert into auth.users (email, encrypted_password) values ($1, $2)',
		params: ['anna@comune.it', 'scrypt$32768$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'],
		detail: 'Key (email)=(anna@comune.it) already exists.'
	});
}

describe('loggableError', () => {
	it('keeps what describes a database failure and drops its query, parameters and detail', () => {
		const logged = loggableError(pgliteError());
		expect(logged).toMatchObject({ type: 'Error', code: '22021', severity: 'ERROR', routine: 'report_invalid_encoding' });
		expect(logged).not.toHaveProperty('params');
		expect(logged).not.toHaveProperty('query');
		expect(logged).not.toHaveProperty('detail');
		expect(JSON.stringify(logged)).not.toMatch(/anna@|scrypt/);
	});

	it('follows causes, scrubbed the same way', () => {
		const logged = loggableError(new Error('storing failed', { cause: pgliteError() }));
		expect(logged.cause).toMatchObject({ code: '22021' });
		expect(JSON.stringify(logged)).not.toMatch(/anna@|scrypt/);
	});

	it('logs a thrown value that is not an Error as scrubbed text', () => {
		expect(loggableError('failed for anna@comune.it')).toEqual({ type: 'string', message: 'failed for [email]' });
	});
});

describe('scrub', () => {
	it('removes emails, password hashes, long tokens and quoted values from a message', () => {
		const text = scrub(
			'for anna@comune.it: scrypt$32768$8$1$abc$def token yJ4c2VjcmV0LXNlc3Npb24tdG9rZW4tdmFsdWUtMTIzNDU2Nzg5MA invalid input syntax for type uuid: "x\'; drop"'
		);
		expect(text).toBe('for [email]: [hash] token [redacted] invalid input syntax for type uuid: "[value]"');
	});

	it('leaves an ordinary failure message readable', () => {
		expect(scrub('duplicate key value violates unique constraint "files_name"')).toBe('duplicate key value violates unique constraint "files_name"');
	});
});
