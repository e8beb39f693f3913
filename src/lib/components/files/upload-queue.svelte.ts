import { Upload } from '$lib/files/upload.svelte';

/** Files sent at the same time; the rest wait their turn. */
const AT_ONCE = 2;

/** An upload in the queue, with why it failed in the person's language (empty otherwise). */
export class UploadEntry extends Upload {
	reason = $state('');
}

export interface UploadQueueOptions {
	/**
	 * Why a file would be refused, known before sending it (over the upload
	 * limit, or more than the network has room for), or null to send it. The
	 * server checks again: this only spares the wait for a sure refusal.
	 */
	refusal: (file: File) => string | null;
	/** Why a file was not stored when the server gave no reason: the connection failed, or the person cancelled. */
	reasonOf: (code: 'network' | 'cancelled') => string;
	/** Called as each file ends, so the page can refresh its list and announce the outcome. */
	onFinished: (entry: UploadEntry) => void;
}

/**
 * The files a person is uploading: each its own request (uploadFile), a
 * few at a time, each with its progress and a way to cancel. Finished
 * entries, failed ones with their reason, stay listed until dismissed.
 */
export class UploadQueue {
	entries = $state<UploadEntry[]>([]);

	constructor(private readonly options: UploadQueueOptions) {}

	add(files: Iterable<File>, url: string) {
		for (const file of files) {
			const entry = new UploadEntry(file, url);
			this.entries.push(entry);
			const refusal = this.options.refusal(file);
			if (refusal) this.finish(entry, 'failed', refusal);
		}
		this.pump();
	}

	/** Stops a file before it is stored: the server then keeps nothing of it. */
	cancel(entry: UploadEntry) {
		if (entry.finished) return;
		entry.cancel();
		// One still waiting never started a request that could say so.
		if (entry.state === 'waiting') this.finish(entry, 'failed', this.options.reasonOf('cancelled'));
	}

	dismiss(entry: UploadEntry) {
		this.entries = this.entries.filter((e) => e !== entry);
	}

	dismissFinished() {
		this.entries = this.entries.filter((e) => !e.finished);
	}

	private finish(entry: UploadEntry, state: 'done' | 'failed', reason = '') {
		entry.state = state;
		entry.reason = reason;
		this.options.onFinished(entry);
	}

	private pump() {
		const sending = this.entries.filter((e) => e.state === 'sending').length;
		for (const entry of this.entries.filter((e) => e.state === 'waiting').slice(0, Math.max(0, AT_ONCE - sending))) {
			void this.send(entry);
		}
	}

	private async send(entry: UploadEntry) {
		try {
			if (await entry.start()) return this.finish(entry, 'done');
			const refused = entry.refused!;
			// The server's refusals come with a message in the person's language; the browser's own failures do not.
			this.finish(entry, 'failed', refused.message || this.options.reasonOf(refused.code === 'cancelled' ? 'cancelled' : 'network'));
		} finally {
			this.pump();
		}
	}
}
