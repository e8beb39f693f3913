// `npm run bench:files`: a 500 MB file uploaded to and downloaded from the
// built app (embedded mode: PGlite, files on disk), while the server
// process's resident memory is sampled from /proc every 20 ms. The upload
// must stream: memory stays bounded whatever the file's size. Also a 1 MB
// file, for the same figures at an everyday size, and a range request from
// the end of the big file. Needs a build (`npx vite build`).
// Writes bench/FILES.md and the files section of bench/RESULTS.md.
import http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signIn, startApp, stopApp, type AppServer } from './app-server.ts';
import { fileUrls, FILE_NAME_HEADER, type UploadedFile } from '../src/lib/files/api.ts';

const NETWORK = 'de000000-0000-4000-8000-000000000001';
const PORT = 3910;
const MB = 1024 * 1024;
const BIG = Number(process.env.BENCH_FILE_MB ?? 500) * MB;
/** What bounded means here: the server's peak may grow by at most this over its resting size. */
const BOUND = 100 * MB;

/** The server's resident memory, sampled until stopped: resting size, peak. */
function sampleMemory(pid: number) {
	const read = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
	const start = read();
	let peak = start;
	const timer = setInterval(() => (peak = Math.max(peak, read())), 20);
	return {
		stop() {
			clearInterval(timer);
			return { start, peak: Math.max(peak, read()) };
		}
	};
}

/** Streams `size` bytes (a random megabyte, repeated) as a raw upload; resolves with the server's answer and the bytes' hash. */
function upload(base: string, cookie: string, name: string, size: number): Promise<{ file: UploadedFile; sha256: string }> {
	const block = randomBytes(MB);
	const hash = createHash('sha256');
	return new Promise((resolve, reject) => {
		const request = http.request(base + fileUrls.upload(NETWORK), {
			method: 'POST',
			headers: { cookie, [FILE_NAME_HEADER]: encodeURIComponent(name), 'content-length': size, 'content-type': 'application/octet-stream' }
		});
		request.on('response', (response) => {
			let body = '';
			response.on('data', (chunk) => (body += chunk));
			response.on('end', () =>
				response.statusCode === 201 ? resolve({ file: JSON.parse(body).file, sha256: hash.digest('hex') }) : reject(new Error(`${response.statusCode} ${body}`))
			);
		});
		request.on('error', reject);
		let sent = 0;
		const write = () => {
			while (sent < size) {
				const chunk = block.subarray(0, Math.min(MB, size - sent));
				sent += chunk.length;
				hash.update(chunk);
				if (!request.write(chunk)) return void request.once('drain', write);
			}
			request.end();
		};
		write();
	});
}

async function download(base: string, cookie: string, url: string, headers: Record<string, string> = {}) {
	const response = await fetch(base + url, { headers: { cookie, ...headers } });
	const hash = createHash('sha256');
	let bytes = 0;
	for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
		hash.update(chunk);
		bytes += chunk.length;
	}
	return { status: response.status, bytes, sha256: hash.digest('hex') };
}

interface Row {
	what: string;
	size: number;
	seconds: number;
	restingMb: number;
	peakMb: number;
	growthMb: number;
	intact: boolean;
}

async function measure(server: AppServer, cookie: string, what: string, size: number): Promise<Row[]> {
	const pid = server.child.pid!;
	let memory = sampleMemory(pid);
	let started = performance.now();
	const { file, sha256 } = await upload(server.base, cookie, `bench-${size}.bin`, size);
	let seconds = (performance.now() - started) / 1000;
	let { start, peak } = memory.stop();
	const up: Row = { what: `upload ${what}`, size, seconds, restingMb: start / MB, peakMb: peak / MB, growthMb: (peak - start) / MB, intact: file.size === size };

	memory = sampleMemory(pid);
	started = performance.now();
	const got = await download(server.base, cookie, fileUrls.content(file.id));
	seconds = (performance.now() - started) / 1000;
	({ start, peak } = memory.stop());
	const down: Row = { what: `download ${what}`, size, seconds, restingMb: start / MB, peakMb: peak / MB, growthMb: (peak - start) / MB, intact: got.sha256 === sha256 };
	return [up, down];
}

const dir = mkdtempSync(path.join(tmpdir(), 'trama-bench-files-'));
const server = await startApp(PORT, { TRAMA_DATA_DIR: dir, TRAMA_UPLOAD_LIMIT: `${BIG / MB + 1}MB` });
let rows: Row[];
let rangeMs: number;
try {
	const cookie = await signIn(server.base, 'marco.ferri@trama.test');
	// Warm up: the first request loads the code paths.
	await measure(server, cookie, 'warm-up', MB);
	rows = [...(await measure(server, cookie, '1 MB', MB)), ...(await measure(server, cookie, `${BIG / MB} MB`, BIG))];
	const { file } = await upload(server.base, cookie, 'range.bin', 8 * MB);
	const started = performance.now();
	const tail = await download(server.base, cookie, fileUrls.content(file.id), { range: `bytes=-${MB}` });
	rangeMs = performance.now() - started;
	if (tail.status !== 206 || tail.bytes !== MB) throw new Error(`range request: ${tail.status}, ${tail.bytes} bytes`);
} finally {
	await stopApp(server);
	rmSync(dir, { recursive: true, force: true });
}

const fmt = (value: number, digits = 1) => value.toFixed(digits);
const big = rows.filter((row) => row.size === BIG);
const bounded = big.every((row) => row.growthMb * MB <= BOUND);
const table = [
	'| transfer | seconds | MB/s | server RSS at start (MB) | peak (MB) | growth (MB) | bytes intact |',
	'|---|---|---|---|---|---|---|',
	...rows.map(
		(row) =>
			`| ${row.what} | ${fmt(row.seconds, 2)} | ${fmt(row.size / MB / row.seconds)} | ${fmt(row.restingMb)} | ${fmt(row.peakMb)} | ${fmt(row.growthMb)} | ${row.intact ? '✅' : '❌'} |`
	)
].join('\n');
const summary = `A ${BIG / MB} MB upload grows the server's memory by ${fmt(big[0].growthMb)} MB and its download by ${fmt(big[1].growthMb)} MB (bound: ${BOUND / MB} MB over the resting size) ${bounded ? '✅' : '❌'}; the last megabyte of an 8 MB file by range request: ${fmt(rangeMs)} ms.`;
const when = new Date().toISOString();
writeFileSync(
	'bench/FILES.md',
	`# Trama file transfers — results

Generated by \`npm run bench:files\` (bench/files.ts) on ${when}: the built app in embedded mode (PGlite, files on disk), one upload and one download at a time over loopback, the server's resident memory (VmRSS) sampled every 20 ms.

${summary}

${table}
`
);
// RESULTS.md is written by `npm run bench`, which keeps this section (writeResults).
const results = readFileSync('bench/RESULTS.md', 'utf8').replace(/\n*<!-- files -->[\s\S]*<!-- \/files -->\n?/, '\n');
const section = `<!-- files -->\n## Files (\`npm run bench:files\`, ${when})\n\n${summary} Details: bench/FILES.md.\n<!-- /files -->`;
writeFileSync('bench/RESULTS.md', `${results.trimEnd()}\n\n${section}\n`);
console.log(`${summary}\n\n${table}`);
