import type { Claims, Database, Queryable } from './types.ts';

/**
 * Runs fn as the person the claims name, the way PostgREST does on Supabase:
 * one transaction, `set local role`, and the claims in request.jwt.claims, so
 * that auth.uid() and the row-level policies decide what fn may see and do.
 * Without claims fn runs as the anonymous role.
 */
export function withUser<T>(db: Database, claims: Claims | null, fn: (tx: Queryable) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		await actAs(tx, claims);
		return fn(tx);
	});
}

/**
 * From here to the end of the transaction tx, queries run as the person (or
 * the anonymous role). What ran before, as the service, stays done: the file
 * endpoints record what they stored, then add the file as its uploader.
 */
export async function actAs(tx: Queryable, claims: Claims | null): Promise<void> {
	// `set local role` and the claims in one round trip: set_config('role', …, true) is the same setting.
	await tx.query(
		`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`,
		[claims ? 'authenticated' : 'anon', claims ? JSON.stringify(claims) : ''],
		{ prepare: true }
	);
}
