// Finds the Chromium the e2e tests drive, and the other Debian programs they
// run. Playwright's own browser download cannot work on machines without
// internet, so we use Debian's.
import { existsSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';

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
 * As root, installs a Debian package and answers whether `present` holds
 * afterwards; otherwise, or when that fails, prints the one command that
 * fixes it and exits.
 */
function installOrExplain(pkg: string, present: () => boolean, need: string): void {
	if (process.getuid?.() === 0) {
		console.log(`${need} is missing: installing Debian’s ${pkg} package…`);
		try {
			execSync(`apt-get update && apt-get install -y ${pkg}`, {
				stdio: 'inherit',
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
			});
		} catch {
			// apt-get has said why; the line below says what to do.
		}
		if (present()) return;
	}
	console.error(`The e2e tests need ${need}. Install it with: sudo apt-get install -y ${pkg}`);
	process.exit(1);
}

/** The Chromium to use, installed as root when there is none. */
export function findChromium(): string {
	const named = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
	if (named && !existsSync(named)) console.warn(`No Chromium at ${named}; looking for the system's.`);
	const found = locateChromium();
	if (found) return found;
	installOrExplain('chromium', () => existsSync('/usr/bin/chromium'), 'Chromium');
	return '/usr/bin/chromium';
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** LibreOffice and pdftotext, which open a DOCX export as a public body would and read its pages back. */
export function findDocumentTools(): void {
	if (!onPath('soffice')) installOrExplain('libreoffice-writer-nogui', () => onPath('soffice'), 'LibreOffice (soffice)');
	if (!onPath('pdftotext')) installOrExplain('poppler-utils', () => onPath('pdftotext'), 'pdftotext');
}
