// `npm test`: every runner in turn — Vitest unit, Vitest integration, the
// build, the Vitest hostile-input sweep (tests/sweep, on the build),
// Playwright e2e — then one line per runner and, as the very last
// line, the total: "N passed, N failed[, N skipped]". A runner that fails
// does not stop the others, so the total always covers everything; a runner
// that ends without results counts as (at least) one failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium, findDocumentTools } from './debian-programs.ts';

interface Count {
	passed: number;
	failed: number;
	skipped: number;
}
interface Result extends Count {
	runner: string;
	note?: string;
}

const RESULTS = 'test-results';
const BIN = path.resolve('node_modules/.bin');

// Children get the project's Node 24 and tools first on PATH, even when this
// file was started directly rather than through npm.
const env: NodeJS.ProcessEnv = {
	...process.env,
	PATH: [BIN, path.dirname(process.execPath), process.env.PATH].filter(Boolean).join(path.delimiter)
};

function run(tool: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): number {
	const result = spawnSync(path.join(BIN, tool), args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
	if (result.error) console.error(`${tool} did not start: ${result.error.message}`);
	return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as T;
	} catch {
		return null;
	}
}

/** A failing exit with no failed test (a crash, an unhandled error) still counts once. */
function atLeastOneIfFailed(failed: number, status: number): number {
	return failed === 0 && status !== 0 ? 1 : failed;
}

interface VitestJson {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
	testResults: { status: string; assertionResults: unknown[] }[];
}

function vitest(project: string): Result {
	const file = `${RESULTS}/vitest-${project}.json`;
	const status = run('vitest', ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
	const json = readJson<VitestJson>(file);
	if (!json) return { runner: project, passed: 0, failed: 1, skipped: 0, note: 'no results' };
	// A test file that fails to load has no tests in it: count the file.
	const brokenFiles = json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
	return {
		runner: project,
		passed: json.numPassedTests,
		failed: atLeastOneIfFailed(json.numFailedTests + brokenFiles, status),
		skipped: json.numPendingTests + json.numTodoTests
	};
}

function build(): Result {
	const status = run('vite', ['build']);
	return status === 0 && existsSync('build/handler.js')
		? { runner: 'build', passed: 0, failed: 0, skipped: 0, note: 'ok' }
		: { runner: 'build', passed: 0, failed: 1, skipped: 0, note: 'failed' };
}

interface PlaywrightJson {
	stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

function playwright(): Result {
	const file = `${RESULTS}/e2e.json`;
	const dataDir = mkdtempSync(path.join(tmpdir(), 'trama-e2e-'));
	let status: number;
	try {
		status = run('playwright', ['test'], { E2E_DATA_DIR: dataDir });
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
	const json = readJson<PlaywrightJson>(file);
	if (!json) return { runner: 'e2e', passed: 0, failed: 1, skipped: 0, note: 'no results' };
	const { expected, unexpected, flaky, skipped } = json.stats;
	return { runner: 'e2e', passed: expected, failed: atLeastOneIfFailed(unexpected + flaky, status), skipped };
}

const line = (c: Count) => `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;

findChromium();
findDocumentTools();
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
if (!process.env.TEST_DATABASE_URL) {
	console.log('TEST_DATABASE_URL is not set: integration tests and the sweep run on PGlite only.');
}

const results: Result[] = [vitest('unit'), vitest('integration')];
const built = build();
results.push(built);
// The sweep and e2e start the built server (build/handler.js): nothing to run without a build.
const notRun = (runner: string): Result => ({ runner, passed: 0, failed: 0, skipped: 0, note: 'not run: the build failed' });
results.push(built.failed ? notRun('sweep') : vitest('sweep'));
results.push(built.failed ? notRun('e2e') : playwright());

const total = results.reduce<Count>(
	(sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
	{ passed: 0, failed: 0, skipped: 0 }
);

console.log('');
for (const r of results) {
	const counted = r.runner === 'build' ? '' : line(r);
	console.log(`${r.runner}: ${[counted, r.note].filter(Boolean).join(' — ')}`);
}
console.log(line(total));
process.exitCode = total.failed > 0 ? 1 : 0;
