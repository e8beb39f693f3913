import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Raised inside the stream when a body passes its limit; the upload stops there. */
export class TooLarge extends Error {
	constructor(readonly limit: number) {
		super(`more than ${limit} bytes`);
		this.name = 'TooLarge';
	}
}

/**
 * Passes an upload's bytes through to the store while counting them,
 * hashing them and keeping the first few (the content type is read from
 * them), and fails the stream as soon as more than `limit` arrive: a file
 * over the limit is cut off without ever being kept whole anywhere.
 */
export class Measure extends Transform {
	size = 0;
	private readonly hash = createHash('sha256');
	private readonly headChunks: Buffer[] = [];
	private headLength = 0;

	constructor(
		private readonly limit: number,
		private readonly headBytes: number
	) {
		super();
	}

	override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
		this.size += chunk.length;
		if (this.size > this.limit) return done(new TooLarge(this.limit));
		this.hash.update(chunk);
		if (this.headLength < this.headBytes) {
			const part = chunk.subarray(0, this.headBytes - this.headLength);
			this.headChunks.push(Buffer.from(part));
			this.headLength += part.length;
		}
		done(null, chunk);
	}

	/** The first bytes, once the stream has ended. */
	get head(): Uint8Array {
		return Buffer.concat(this.headChunks);
	}

	/** The SHA-256 of everything, hex; only once the stream has ended. */
	digest(): string {
		return this.hash.digest('hex');
	}
}
