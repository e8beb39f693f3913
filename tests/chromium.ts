// Finds the Chromium the e2e tests drive. Playwright's own browser download
// cannot work on machines without internet, so we use Debian's.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Flags for a quiet, offline, sandbox-free Chromium (CI runs as root). */
export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/**
 * A Chromium path without side effects: CHROMIUM_PATH or
 * PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH when set and present, else the
 * system's; null when there is none.
 */
export function locateChromium(env: NodeJS.ProcessEnv = process.env): string | null {
	for (const named of [env.CHROMIUM_PATH, env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH]) {
		if (named && existsSync(named)) return named;
	}
	return SYSTEM_PATHS.find((path) => existsSync(path)) ?? null;
}

/**
 * The Chromium to use. When there is none: as root, installs Debian's
 * chromium package; otherwise prints the one command that fixes it and exits.
 */
export function findChromium(): string {
	const named = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
	if (named && !existsSync(named)) console.warn(`No Chromium at ${named}; looking for the system's.`);
	const found = locateChromium();
	if (found) return found;
	if (process.getuid?.() === 0) {
		console.log('Chromium is missing: installing Debian’s chromium package…');
		try {
			execSync('apt-get update && apt-get install -y chromium', {
				stdio: 'inherit',
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
			});
		} catch {
			// apt-get has said why; the line below says what to do.
		}
		if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	}
	console.error('The e2e tests need Chromium. Install it with: sudo apt-get install -y chromium');
	process.exit(1);
}
