import path from 'node:path';

/** How this process runs, read from the environment only: modes are never code edits. */
export interface Config {
	databaseUrl: string | undefined;
	dataDir: string;
	supabase: { url: string; anonKey: string } | undefined;
	seedDemo: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const supabaseUrl = env.PUBLIC_SUPABASE_URL?.trim();
	const anonKey = (env.PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? env.PUBLIC_SUPABASE_ANON_KEY)?.trim();
	if (supabaseUrl && !anonKey) {
		throw new Error('PUBLIC_SUPABASE_URL is set but PUBLIC_SUPABASE_ANON_KEY (or PUBLIC_SUPABASE_PUBLISHABLE_KEY) is not');
	}
	if (supabaseUrl && !env.DATABASE_URL) {
		throw new Error('Supabase mode needs DATABASE_URL: the connection string of the project database');
	}
	return {
		databaseUrl: env.DATABASE_URL?.trim() || undefined,
		dataDir: path.resolve(env.TRAMA_DATA_DIR ?? '.data'),
		supabase: supabaseUrl && anonKey ? { url: supabaseUrl, anonKey } : undefined,
		seedDemo: env.TRAMA_SEED_DEMO !== '0'
	};
}
