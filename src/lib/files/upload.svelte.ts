import { uploadFile, UploadRefused } from './upload-client.ts';
import type { UploadedFile } from './api.ts';

type UploadState = 'waiting' | 'sending' | 'done' | 'failed';

let nextId = 0;

/**
 * One file on its way to the network's file space: how much has gone, a
 * way to cancel it, and how it ended. Every uploader in the app (the file
 * space, a new version, attachments, a document's images) is built on it.
 */
export class Upload {
	readonly id = ++nextId;
	readonly name: string;
	readonly size: number;
	/** Bytes sent so far. */
	sent = $state(0);
	state = $state<UploadState>('waiting');
	/** What the server stored, once done. */
	stored = $state<UploadedFile | null>(null);
	/** Why it failed, once failed: the server's reason, the connection, or the person's cancel. */
	refused = $state<UploadRefused | null>(null);
	readonly controller = new AbortController();

	constructor(
		readonly file: File,
		/** Where it goes: decided when it is made, so changing folder meanwhile does not move it. */
		readonly url: string
	) {
		this.name = file.name;
		this.size = file.size;
	}

	get finished(): boolean {
		return this.state === 'done' || this.state === 'failed';
	}

	get percent(): number {
		return this.size > 0 ? Math.floor((this.sent / this.size) * 100) : 0;
	}

	/** Sends the file; resolves with what the server stored, or null when it was not (`refused` says why). */
	async start(): Promise<UploadedFile | null> {
		this.state = 'sending';
		try {
			this.stored = await uploadFile(this.url, this.file, {
				signal: this.controller.signal,
				onProgress: (sent) => (this.sent = sent)
			});
			this.sent = this.size;
			this.state = 'done';
			return this.stored;
		} catch (error) {
			if (!(error instanceof UploadRefused)) throw error;
			this.refused = error;
			this.state = 'failed';
			return null;
		}
	}

	/** Stops it before it is stored: the server then keeps nothing of it. */
	cancel(): void {
		this.controller.abort();
	}
}
