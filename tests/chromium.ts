// Finds the Chromium the e2e tests drive. Playwright's own browser download
// cannot work on machines without internet, so we use the system's.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** A Chromium path from CHROMIUM_PATH, or the system's; null when there is none. */
export function locateChromium(env: NodeJS.ProcessEnv = process.env): string | null {
	const named = env.CHROMIUM_PATH ?? env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
	if (named) return existsSync(named) ? named : null;
	return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * The Chromium to use, installing Debian's when running as root. Otherwise
 * stops with the one command that fixes it.
 */
export function ensureChromium(): string {
	const found = locateChromium();
	if (found) return found;
	if (process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH) {
		console.error(`No Chromium at ${process.env.CHROMIUM_PATH ?? process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH}.`);
		process.exit(1);
	}
	if (process.getuid?.() === 0) {
		console.log('Chromium is missing: installing Debian’s chromium package…');
		execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', { stdio: 'inherit' });
		const installed = locateChromium();
		if (installed) return installed;
	}
	console.error('The e2e tests need Chromium. Install it with:  sudo apt-get install -y chromium');
	process.exit(1);
}
