/** The little of a Postgres client that Trama needs, met by PGlite and node-postgres alike. */
export interface Queryable {
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
	/** Runs several statements separated by semicolons, without parameters. */
	exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	/** Runs fn inside BEGIN … COMMIT, rolling back if it throws. */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/** The claims PostgREST would put in request.jwt.claims for a signed-in person. */
export interface Claims {
	sub: string;
	email: string;
	role: 'authenticated';
}
