import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

// Upload bodies for file tests: random bytes made chunk by chunk as they are
// read, so a body of hundreds of megabytes never exists whole in the test
// either, and each chunk is a fresh buffer (a store that kept what it was
// given would show in memory, as it would with real uploads).

export const MB = 1024 * 1024;

export interface GeneratedBody {
	stream: Readable;
	/** Bytes handed out so far. */
	produced(): number;
	/** SHA-256 (hex) of every byte handed out; call it once the body has ended. */
	sha256(): string;
}

export interface BodyOptions {
	chunkSize?: number;
	/** Called after each chunk with the bytes handed out so far. */
	onProgress?(produced: number): void;
	/** Once this many bytes are out, the body breaks off: destroyed with cutWith, or with no error, like a client that left. */
	cutAt?: number;
	cutWith?: Error;
}

export function generatedBody(size: number, options: BodyOptions = {}): GeneratedBody {
	const { chunkSize = 64 * 1024, onProgress, cutAt, cutWith } = options;
	const hash = createHash('sha256');
	let produced = 0;
	const stream = new Readable({
		read() {
			if (cutAt !== undefined && produced >= cutAt) return void this.destroy(cutWith);
			if (produced >= size) return void this.push(null);
			const chunk = randomBytes(Math.min(chunkSize, size - produced));
			produced += chunk.length;
			hash.update(chunk);
			this.push(chunk);
			onProgress?.(produced);
		}
	});
	return { stream, produced: () => produced, sha256: () => hash.digest('hex') };
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** SHA-256 (hex) and length of a stream, read to its end without keeping it. */
export async function digestOf(stream: Readable): Promise<{ sha256: string; bytes: number }> {
	const hash = createHash('sha256');
	let bytes = 0;
	for await (const chunk of stream) {
		hash.update(chunk as Buffer);
		bytes += (chunk as Buffer).length;
	}
	return { sha256: hash.digest('hex'), bytes };
}

/** A small stream's bytes. */
export async function bytesOf(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}
