import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, locateChromium } from './tests/debian-programs.ts';

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

// A fresh embedded database for every run, with the demo network seeded into
// it. `npm test` (tests/run.ts) makes the directory and removes it afterwards;
// a bare `playwright test` makes one here. The variable carries the choice to
// the worker processes, which load this file again.
const dataDir = process.env.E2E_DATA_DIR || mkdtempSync(path.join(tmpdir(), 'trama-e2e-'));
process.env.E2E_DATA_DIR = dataDir;

// The server needs Node 24 (type stripping): the project's own node when the
// caller's PATH does not start with it.
const localNode = path.resolve('node_modules/.bin/node');
const node = existsSync(localNode) ? localNode : 'node';
// `npm test` builds first; a bare `playwright test` builds when there is no build.
const serve = `"${node}" src/serve.ts`;
const command = existsSync('build/handler.js') ? serve : `"${node}" node_modules/vite/bin/vite.js build && ${serve}`;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	// Artefacts (screenshots, traces) under test-results/; Playwright empties
	// this folder at the start of each run, so the JSON reports sit beside it.
	outputDir: 'test-results/e2e',
	// Two cores: the server takes one, the browser the other.
	workers: 1,
	fullyParallel: false,
	// Flakes are fixed, not retried.
	retries: 0,
	forbidOnly: !!process.env.CI,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		locale: 'it-IT',
		screenshot: 'on',
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: { executablePath: locateChromium() ?? undefined, args: CHROMIUM_FLAGS }
			}
		}
	],
	webServer: {
		command,
		url: `http://127.0.0.1:${PORT}/healthz`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		// Let the server close its database cleanly.
		gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
		env: { PORT: String(PORT), HOST: '127.0.0.1', TRAMA_DATA_DIR: dataDir, TRAMA_SEED_DEMO: '1' }
	}
});
