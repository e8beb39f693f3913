// `npm test`: every runner in turn — Vitest (unit, integration), then the
// build and Playwright (e2e) — and one total as the very last line:
// "N passed, N failed[, N skipped]". A runner that fails does not stop the
// others, so the total always covers everything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.ts';

interface Count {
	runner: string;
	passed: number;
	failed: number;
	skipped: number;
}

const RESULTS = 'test-results';
const bin = (name: string) => `node_modules/.bin/${name}`;

function run(command: string, args: string[]): number {
	const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
	return result.status ?? 1;
}

function readJson(file: string): Record<string, unknown> | null {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

function vitest(): Count {
	const file = `${RESULTS}/vitest.json`;
	const status = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
	const json = readJson(file) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | null;
	if (!json) return { runner: 'vitest', passed: 0, failed: 1, skipped: 0 };
	// A suite that crashed before its tests ran has no failed test but a failing exit.
	const failed = json.numFailedTests || (status === 0 ? 0 : 1);
	return { runner: 'vitest', passed: json.numPassedTests, failed, skipped: json.numPendingTests + json.numTodoTests };
}

function playwright(): Count {
	if (run(bin('vite'), ['build']) !== 0) return { runner: 'playwright', passed: 0, failed: 1, skipped: 0 };
	const file = `${RESULTS}/e2e.json`;
	const status = run(bin('playwright'), ['test']);
	const json = readJson(file) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
	if (!json) return { runner: 'playwright', passed: 0, failed: 1, skipped: 0 };
	const { expected, unexpected, flaky, skipped } = json.stats;
	const failed = unexpected + flaky || (status === 0 ? 0 : 1);
	return { runner: 'playwright', passed: expected, failed, skipped };
}

ensureChromium();
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
if (!process.env.TEST_DATABASE_URL) {
	console.log('TEST_DATABASE_URL is not set: integration tests run on PGlite only.');
}

const counts = [vitest(), playwright()];
const total = counts.reduce(
	(sum, c) => ({ passed: sum.passed + c.passed, failed: sum.failed + c.failed, skipped: sum.skipped + c.skipped }),
	{ passed: 0, failed: 0, skipped: 0 }
);
const line = (c: { passed: number; failed: number; skipped: number }) =>
	`${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;

console.log('');
for (const c of counts) console.log(`${c.runner}: ${line(c)}`);
if (!existsSync('build/handler.js')) console.log('(the app did not build)');
console.log(line(total));
process.exit(total.failed > 0 ? 1 : 0);
