import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UploadedFile } from '../../../src/lib/files/api.ts';
import type { UploadOptions } from '../../../src/lib/files/upload-client.ts';

// The requests are the upload client's; here each one is held open until
// the test ends it, the way a slow connection would.
interface Request {
	url: string;
	file: File;
	options: UploadOptions;
	resolve: (stored: UploadedFile) => void;
	reject: (error: unknown) => void;
}
const requests: Request[] = [];

vi.mock('$lib/files/upload-client', async (original) => ({
	...(await original<typeof import('../../../src/lib/files/upload-client.ts')>()),
	uploadFile: (url: string, file: File, options: UploadOptions) =>
		new Promise<UploadedFile>((resolve, reject) => {
			requests.push({ url, file, options, resolve, reject });
			options.signal?.addEventListener('abort', async () => {
				const { UploadRefused } = await import('../../../src/lib/files/upload-client.ts');
				reject(new UploadRefused('cancelled', ''));
			});
		})
}));

const { UploadQueue } = await import('../../../src/lib/components/files/upload-queue.svelte.ts');
const { UploadRefused } = await import('../../../src/lib/files/upload-client.ts');

const URL = '/api/networks/n/files';
const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);
const stored = (request: Request): UploadedFile => ({
	id: `id-${request.file.name}`,
	name: request.file.name,
	size: request.file.size,
	contentType: 'application/pdf',
	version: 1
});
/** Lets the queue react to a request that has ended. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function queue(limit = 100) {
	const finished: string[] = [];
	const q = new UploadQueue({
		refusal: (file) => (file.size > limit ? 'troppo grande' : null),
		reasonOf: (code) => `motivo: ${code}`,
		onFinished: (entry) => finished.push(`${entry.name}: ${entry.state}`)
	});
	return { q, finished };
}

beforeEach(() => {
	requests.length = 0;
});

describe('the upload queue', () => {
	it('sends two files at a time, each to the address it was added for, the rest waiting their turn', async () => {
		const { q, finished } = queue();
		q.add([file('a.pdf'), file('b.pdf'), file('c.pdf')], URL);
		expect(requests.map((r) => r.file.name)).toEqual(['a.pdf', 'b.pdf']);
		expect(q.entries.map((e) => e.state)).toEqual(['sending', 'sending', 'waiting']);

		requests[0].options.onProgress?.(4, 10);
		expect(q.entries[0].sent).toBe(4);
		requests[0].resolve(stored(requests[0]));
		await settle();
		expect(q.entries[0]).toMatchObject({ state: 'done', sent: 10, stored: { id: 'id-a.pdf' } });
		expect(requests.map((r) => [r.file.name, r.url])).toEqual([
			['a.pdf', URL],
			['b.pdf', URL],
			['c.pdf', URL]
		]);
		expect(finished).toEqual(['a.pdf: done']);
	});

	it('fails at once a file that would be refused, with the reason, without sending it', () => {
		const { q, finished } = queue(100);
		q.add([file('enorme.zip', 101), file('giusto.pdf', 100)], URL);
		expect(requests.map((r) => r.file.name)).toEqual(['giusto.pdf']);
		expect(q.entries[0]).toMatchObject({ name: 'enorme.zip', state: 'failed', reason: 'troppo grande' });
		expect(finished).toEqual(['enorme.zip: failed']);
	});

	it('keeps the server’s reason for a refusal, and names the connection when the server gave none', async () => {
		const { q } = queue();
		q.add([file('a.pdf'), file('b.pdf')], URL);
		requests[0].reject(new UploadRefused('quota_exceeded', 'Spazio della rete esaurito.', 413));
		requests[1].reject(new UploadRefused('network', ''));
		await settle();
		expect(q.entries.map((e) => [e.state, e.reason])).toEqual([
			['failed', 'Spazio della rete esaurito.'],
			['failed', 'motivo: network']
		]);
	});

	it('cancels a file being sent by aborting its request, and a waiting one without ever sending it', async () => {
		const { q, finished } = queue();
		q.add([file('a.pdf'), file('b.pdf'), file('c.pdf')], URL);
		const [sending, , waiting] = q.entries;
		q.cancel(waiting);
		q.cancel(sending);
		expect(requests[0].options.signal?.aborted).toBe(true);
		await settle();
		await settle();
		expect(q.entries.map((e) => [e.name, e.state, e.reason])).toEqual([
			['a.pdf', 'failed', 'motivo: cancelled'],
			['b.pdf', 'sending', ''],
			['c.pdf', 'failed', 'motivo: cancelled']
		]);
		// The cancelled waiting file never went out, nor did anything take its place.
		expect(requests.map((r) => r.file.name)).toEqual(['a.pdf', 'b.pdf']);
		expect(finished).toEqual(['c.pdf: failed', 'a.pdf: failed']);
	});

	it('keeps finished files listed until dismissed, one by one or all at once', async () => {
		const { q } = queue();
		q.add([file('a.pdf'), file('b.pdf'), file('c.pdf', 1000)], URL);
		requests[0].resolve(stored(requests[0]));
		await settle();
		q.dismiss(q.entries[2]);
		expect(q.entries.map((e) => e.name)).toEqual(['a.pdf', 'b.pdf']);
		q.dismissFinished();
		expect(q.entries.map((e) => e.name)).toEqual(['b.pdf']);
	});
});
