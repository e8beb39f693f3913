import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, locateChromium } from './tests/chromium.ts';

const PORT = 4173;
// A fresh embedded database for every run; the demo network is seeded into it.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'trama-e2e-'));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	outputDir: 'test-results',
	// Two cores: the server takes one, the browser the other.
	workers: 1,
	fullyParallel: false,
	retries: 0,
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
		command: 'node src/serve.ts',
		url: `http://127.0.0.1:${PORT}/healthz`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: { PORT: String(PORT), HOST: '127.0.0.1', TRAMA_DATA_DIR: dataDir, TRAMA_SEED_DEMO: '1' }
	}
});
