import path from 'node:path';
import type { TileSource } from '../map/basemap.ts';

/** How this process runs, read from the environment only: modes are never code edits. */
export interface Config {
	databaseUrl: string | undefined;
	/** Redis pub/sub for live documents between processes, instead of Postgres's NOTIFY. */
	redisUrl: string | undefined;
	dataDir: string;
	supabase: { url: string; anonKey: string } | undefined;
	files: FilesConfig;
	map: MapConfig;
	seedDemo: boolean;
}

export interface FilesConfig {
	/** Local disk (the embedded default), or a bucket in Supabase Storage. */
	store: { kind: 'disk'; dir: string } | { kind: 'supabase'; url: string; serviceKey: string; bucket: string };
	/** The largest file one upload may carry, in bytes. */
	uploadLimit: number;
}

export interface MapConfig {
	/** Null when tiles are turned off: the map is drawn on a plain background. */
	tiles: TileSource | null;
	/** The tiles' origin as a Content-Security-Policy source, so pages may load them. */
	tileOrigin: string | null;
}

const MB = 1024 * 1024;
const UNITS: Record<string, number> = { '': 1, B: 1, K: 1024, KB: 1024, M: MB, MB, G: 1024 * MB, GB: 1024 * MB };

/** "50MB", "1.5G", "52428800": a size in bytes, as people write it in an environment. */
export function parseSize(text: string, name: string): number {
	const match = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*$/i.exec(text);
	const factor = match ? UNITS[match[2].toUpperCase()] : undefined;
	if (!match || factor === undefined) throw new Error(`${name} must be a size such as 50MB or 52428800, not "${text}"`);
	const bytes = Math.floor(Number(match[1]) * factor);
	if (bytes < 1) throw new Error(`${name} must be at least one byte`);
	return bytes;
}

function readFilesConfig(env: NodeJS.ProcessEnv, dataDir: string, supabaseUrl: string | undefined): FilesConfig {
	const serviceKey = (env.SUPABASE_SECRET_KEY ?? env.SUPABASE_SERVICE_ROLE_KEY)?.trim();
	if (supabaseUrl && !serviceKey) {
		throw new Error('Supabase mode stores files in Supabase Storage and needs SUPABASE_SERVICE_ROLE_KEY (or SUPABASE_SECRET_KEY)');
	}
	return {
		store:
			supabaseUrl && serviceKey
				? { kind: 'supabase', url: supabaseUrl, serviceKey, bucket: env.TRAMA_FILES_BUCKET?.trim() || 'trama-files' }
				: { kind: 'disk', dir: path.join(dataDir, 'files') },
		uploadLimit: env.TRAMA_UPLOAD_LIMIT ? parseSize(env.TRAMA_UPLOAD_LIMIT, 'TRAMA_UPLOAD_LIMIT') : 50 * MB
	};
}

export const OSM_TILES: TileSource = {
	url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
	attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
};

/**
 * TRAMA_MAP_TILES: a tile URL template ({z}, {x}, {y}, and {s} for a
 * subdomain), or "none" for no tiles; OpenStreetMap's when unset. A template
 * the browser could not use stops the start, as a wrong size does.
 */
export function readMapConfig(env: NodeJS.ProcessEnv): MapConfig {
	const template = env.TRAMA_MAP_TILES?.trim();
	if (template === 'none') return { tiles: null, tileOrigin: null };
	const attribution = env.TRAMA_MAP_ATTRIBUTION?.trim();
	const tiles = { url: template || OSM_TILES.url, attribution: attribution ?? (template ? '' : OSM_TILES.attribution) };
	return { tiles, tileOrigin: tileOrigin(tiles.url) };
}

/** The CSP source that lets pages load a template's tiles: "https://*.tile.example.org" for {s}. */
export function tileOrigin(template: string): string {
	const wrong = new Error(
		`TRAMA_MAP_TILES must be "none" or an http(s) URL with {z}, {x} and {y}, such as ${OSM_TILES.url}, not "${template}"`
	);
	if (!['{z}', '{x}', '{y}'].every((part) => template.includes(part))) throw wrong;
	const match = /^(https?):\/\/(\{s\}\.)?([^/{}?#]+)\//.exec(template);
	if (!match || !URL.canParse(`${match[1]}://${match[3]}/`)) throw wrong;
	const { protocol, host } = new URL(`${match[1]}://${match[3]}/`);
	return `${protocol}//${match[2] ? '*.' : ''}${host}`;
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
	const databaseUrl = env.DATABASE_URL?.trim() || undefined;
	const redisUrl = env.REDIS_URL?.trim() || undefined;
	if (redisUrl && !databaseUrl) {
		throw new Error('REDIS_URL links several processes on one Postgres server; the embedded database (no DATABASE_URL) serves one process');
	}
	const dataDir = path.resolve(env.TRAMA_DATA_DIR ?? '.data');
	return {
		databaseUrl,
		redisUrl,
		dataDir,
		supabase: supabaseUrl && anonKey ? { url: supabaseUrl, anonKey } : undefined,
		files: readFilesConfig(env, dataDir, supabaseUrl),
		map: readMapConfig(env),
		seedDemo: env.TRAMA_SEED_DEMO !== '0'
	};
}
