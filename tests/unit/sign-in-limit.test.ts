import { describe, expect, it } from 'vitest';
import { LIMITS, signInAllowed, type FailureCounts } from '../../src/lib/server/auth/sign-in-limit.ts';

type Overrides = Partial<Omit<FailureCounts, 'secondsUntilOldestExpires'>> & {
	secondsUntilOldestExpires?: Partial<FailureCounts['secondsUntilOldestExpires']>;
};

const counts = ({ secondsUntilOldestExpires, ...overrides }: Overrides = {}): FailureCounts => ({
	accountAddress: 0,
	account: 0,
	address: 0,
	...overrides,
	secondsUntilOldestExpires: { accountAddress: 0, account: 0, address: 0, ...secondsUntilOldestExpires }
});

describe('signInAllowed', () => {
	it('allows an attempt when nothing has failed', () => {
		expect(signInAllowed(counts())).toEqual({ allowed: true });
	});

	it('allows an attempt while every count is one below its limit', () => {
		expect(
			signInAllowed(
				counts({
					accountAddress: LIMITS.accountAddress - 1,
					account: LIMITS.account - 1,
					address: LIMITS.address - 1,
					secondsUntilOldestExpires: { accountAddress: 300, account: 300, address: 300 }
				})
			)
		).toEqual({ allowed: true });
	});

	it(`blocks an account from one address after ${LIMITS.accountAddress} failures there, until the oldest of them expires`, () => {
		expect(
			signInAllowed(
				counts({ accountAddress: LIMITS.accountAddress, secondsUntilOldestExpires: { accountAddress: 120 } })
			)
		).toEqual({ allowed: false, retryAfterSeconds: 120 });
	});

	it(`blocks an account tried from many addresses after ${LIMITS.account} failures in all`, () => {
		expect(
			signInAllowed(counts({ account: LIMITS.account, secondsUntilOldestExpires: { account: 60 } }))
		).toEqual({ allowed: false, retryAfterSeconds: 60 });
	});

	it(`blocks one address trying many accounts after ${LIMITS.address} failures, a higher bar for shared offices`, () => {
		expect(LIMITS.address).toBeGreaterThan(LIMITS.account);
		expect(
			signInAllowed(counts({ address: LIMITS.address, secondsUntilOldestExpires: { address: 45 } }))
		).toEqual({ allowed: false, retryAfterSeconds: 45 });
	});

	it('times the wait by the limits that block, not by older failures counted under another limit', () => {
		expect(
			signInAllowed(
				counts({
					accountAddress: LIMITS.accountAddress,
					address: LIMITS.accountAddress + 1,
					secondsUntilOldestExpires: { accountAddress: 880, account: 880, address: 300 }
				})
			)
		).toEqual({ allowed: false, retryAfterSeconds: 880 });
	});

	it('waits for the last of several blocks to lift', () => {
		expect(
			signInAllowed(
				counts({
					accountAddress: LIMITS.accountAddress,
					account: LIMITS.account,
					secondsUntilOldestExpires: { accountAddress: 100, account: 700 }
				})
			)
		).toEqual({ allowed: false, retryAfterSeconds: 700 });
	});

	it('rounds the wait up to whole seconds', () => {
		expect(
			signInAllowed(
				counts({ accountAddress: LIMITS.accountAddress, secondsUntilOldestExpires: { accountAddress: 41.2 } })
			)
		).toEqual({ allowed: false, retryAfterSeconds: 42 });
	});

	it('never tells a blocked person to retry in less than one second', () => {
		for (const wait of [0, 0.001, -3]) {
			expect(
				signInAllowed(
					counts({ accountAddress: LIMITS.accountAddress, secondsUntilOldestExpires: { accountAddress: wait } })
				)
			).toEqual({ allowed: false, retryAfterSeconds: 1 });
		}
	});
});
