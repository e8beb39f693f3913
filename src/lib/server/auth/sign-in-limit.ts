/** Failed sign-ins seen in the current window, as the database counted them. */
export interface FailureCounts {
	/** For this account from this address. */
	accountAddress: number;
	/** For this account from anywhere: credential stuffing from many addresses. */
	account: number;
	/** From this address for any account: one address trying many accounts. */
	address: number;
	/**
	 * Per count, seconds until its oldest failure leaves the window. Kept apart
	 * because the counts overlap: an old failure of another account from the
	 * same address says nothing about when this account's block ends.
	 */
	secondsUntilOldestExpires: { accountAddress: number; account: number; address: number };
}

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const LIMITS = { accountAddress: 5, account: 20, address: 50 } as const;

/**
 * Whether another attempt may be tried now, and if not, when. A public
 * office shares one address among many people, hence the higher address limit.
 */
export function signInAllowed(counts: FailureCounts): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
	const blockedBy = (Object.keys(LIMITS) as (keyof typeof LIMITS)[]).filter((limit) => counts[limit] >= LIMITS[limit]);
	if (blockedBy.length === 0) return { allowed: true };
	// Attempts are not recorded while blocked, so a count stops at its limit (barring
	// simultaneous attempts) and its oldest failure leaving the window lifts that block.
	const wait = Math.max(...blockedBy.map((limit) => counts.secondsUntilOldestExpires[limit]));
	return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
}
