/** The little of a Postgres client that Trama needs, met by PGlite and node-postgres alike. */
export interface QueryOptions {
	/**
	 * Keep the statement parsed and planned on the connection (a Postgres
	 * prepared statement): for the few statements run on every request, whose
	 * planning costs more than running them. Only for a constant SQL text.
	 */
	prepare?: boolean;
}

export interface Queryable {
	query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<{ rows: T[] }>;
	/** Runs several statements separated by semicolons, without parameters. */
	exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	/** Runs fn inside BEGIN … COMMIT, rolling back if it throws. */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	/**
	 * Calls onPayload with every NOTIFY on channel after it commits, from any
	 * process using the same database. Resolves once listening; the returned
	 * function stops it. An empty payload means events may have been missed
	 * (the connection to the server was lost and is back).
	 */
	listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

/** The claims PostgREST would put in request.jwt.claims for a signed-in person. */
export interface Claims {
	sub: string;
	email: string;
	role: 'authenticated';
}
