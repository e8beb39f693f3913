import type { Claims, Database, Queryable } from './types.ts';

/**
 * Runs fn as the person the claims name, the way PostgREST does on Supabase:
 * one transaction, `set local role`, and the claims in request.jwt.claims, so
 * that auth.uid() and the row-level policies decide what fn may see and do.
 * Without claims fn runs as the anonymous role.
 */
export function withUser<T>(db: Database, claims: Claims | null, fn: (tx: Queryable) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		await tx.query(claims ? 'set local role authenticated' : 'set local role anon');
		await tx.query(`select set_config('request.jwt.claims', $1, true)`, [claims ? JSON.stringify(claims) : '']);
		return fn(tx);
	});
}
