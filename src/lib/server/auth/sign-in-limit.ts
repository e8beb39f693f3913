/** Failed sign-ins seen in the current window, as the database counted them. */
export interface FailureCounts {
	/** For this account from this address. */
	accountAddress: number;
	/** For this account from anywhere: credential stuffing from many addresses. */
	account: number;
	/** From this address for any account: one address trying many accounts. */
	address: number;
	/** Seconds until the oldest counted failure leaves the window. */
	secondsUntilOldestExpires: number;
}

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const LIMITS = { accountAddress: 5, account: 20, address: 50 } as const;

/**
 * Whether another attempt may be tried now, and if not, when. A public
 * office shares one address among many people, hence the higher address limit.
 */
export function signInAllowed(counts: FailureCounts): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
	const blocked =
		counts.accountAddress >= LIMITS.accountAddress ||
		counts.account >= LIMITS.account ||
		counts.address >= LIMITS.address;
	if (!blocked) return { allowed: true };
	return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(counts.secondsUntilOldestExpires)) };
}
