import { describe, expect, it } from 'vitest';
import { bodyTimeLeft, expectsBody, readServerTimeouts } from '../../../src/lib/server/timeouts.ts';

const KiB = 1024;
const { body: defaults } = readServerTimeouts({});

describe('the time a request body may take', () => {
	it('is ten seconds by default, and one more for every 16 KiB received', () => {
		expect(bodyTimeLeft(defaults, { waitedMs: 0, received: 0 })).toBe(10_000);
		expect(bodyTimeLeft(defaults, { waitedMs: 0, received: 16 * KiB })).toBe(11_000);
		expect(bodyTimeLeft(defaults, { waitedMs: 4_000, received: 32 * KiB })).toBe(8_000);
	});

	it('runs out after about ten seconds for a client sending a byte a second, whatever length it declared', () => {
		expect(bodyTimeLeft(defaults, { waitedMs: 9_000, received: 9 })).toBeGreaterThan(0);
		expect(bodyTimeLeft(defaults, { waitedMs: 10_001, received: 10 })).toBeLessThanOrEqual(0);
	});

	it('never runs out for an upload arriving at the minimum rate or faster, however large', () => {
		for (const seconds of [1, 60, 3_600]) {
			expect(bodyTimeLeft(defaults, { waitedMs: seconds * 1000, received: seconds * 16 * KiB })).toBe(10_000);
			expect(bodyTimeLeft(defaults, { waitedMs: seconds * 1000, received: seconds * 1024 * KiB })).toBeGreaterThan(10_000);
		}
	});

	it('runs out in time for an upload slower than the minimum rate', () => {
		// At half the rate a body earns half a second each second: 10 s of credit last 20 s.
		expect(bodyTimeLeft(defaults, { waitedMs: 19_000, received: 19 * 8 * KiB })).toBeGreaterThan(0);
		expect(bodyTimeLeft(defaults, { waitedMs: 20_000, received: 20 * 8 * KiB })).toBeLessThanOrEqual(0);
	});
});

describe('readServerTimeouts', () => {
	it('sets the headers, idle and checking timeouts on purpose rather than leaving Node defaults', () => {
		expect(readServerTimeouts({})).toMatchObject({ headersTimeoutMs: 10_000, keepAliveTimeoutMs: 65_000, checkEveryMs: 1_000 });
	});

	it('reads the body timeout in seconds and the minimum rate as a size', () => {
		expect(readServerTimeouts({ TRAMA_BODY_TIMEOUT: '2', TRAMA_BODY_MIN_RATE: '128KB' }).body).toEqual({ baseMs: 2_000, minRate: 128 * KiB });
		expect(readServerTimeouts({ TRAMA_BODY_TIMEOUT: '2.5', TRAMA_BODY_MIN_RATE: '1000' }).body).toEqual({ baseMs: 2_500, minRate: 1000 });
	});

	it('stops the start on a body timeout that is not a number of seconds above zero', () => {
		for (const wrong of ['0', '-1', 'ten', '10s']) {
			expect(() => readServerTimeouts({ TRAMA_BODY_TIMEOUT: wrong }), wrong).toThrow(/TRAMA_BODY_TIMEOUT must be a number of seconds/);
		}
		expect(() => readServerTimeouts({ TRAMA_BODY_MIN_RATE: 'fast' })).toThrow(/TRAMA_BODY_MIN_RATE must be a size/);
	});
});

describe('expectsBody', () => {
	it('expects a body from a request that declares a length or a chunked one', () => {
		expect(expectsBody({ 'content-length': '12' })).toBe(true);
		expect(expectsBody({ 'transfer-encoding': 'chunked' })).toBe(true);
	});

	it('waits for nothing from a request that declares no body or an empty one', () => {
		expect(expectsBody({})).toBe(false);
		expect(expectsBody({ 'content-length': '0' })).toBe(false);
	});
});
