import { describe, expect, it } from 'vitest';
import { decoyHash, hashPassword, verifyPassword } from '../../src/lib/server/auth/password.ts';

const PASSWORD = 'Patto di comunità 2027';

describe('password hashing', () => {
	it('verifies the password a hash was made from', async () => {
		expect(await verifyPassword(PASSWORD, await hashPassword(PASSWORD))).toBe(true);
	});

	it('refuses a wrong password, even one differing only in case', async () => {
		const hash = await hashPassword(PASSWORD);
		expect(await verifyPassword('Patto di comunità 2028', hash)).toBe(false);
		expect(await verifyPassword(PASSWORD.toLowerCase(), hash)).toBe(false);
	});

	it('stores neither the password nor any part of it, only scrypt parameters, salt and key', async () => {
		const hash = await hashPassword(PASSWORD);
		expect(hash).not.toContain(PASSWORD);
		expect(hash).not.toContain('comunità');
		expect(hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
	});

	it('salts each hash, so the same password never hashes the same way twice', async () => {
		const [first, second] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
		expect(first).not.toBe(second);
		expect(await verifyPassword(PASSWORD, second)).toBe(true);
	});

	it('treats the composed and decomposed forms of an accented letter as the same password', async () => {
		const composed = 'comunit\u00e0 solidale';
		const decomposed = 'comunita\u0300 solidale';
		expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
	});

	it('refuses every password against the decoy hash used for unknown accounts', async () => {
		expect(await verifyPassword(PASSWORD, decoyHash)).toBe(false);
		expect(await verifyPassword('', decoyHash)).toBe(false);
	});

	it('refuses a stored value that is not a scrypt hash', async () => {
		expect(await verifyPassword(PASSWORD, PASSWORD)).toBe(false);
		expect(await verifyPassword(PASSWORD, '')).toBe(false);
		expect(await verifyPassword(PASSWORD, 'bcrypt$10$abc$def')).toBe(false);
	});
});
