import { uploadFile, UploadRefused } from '$lib/files/upload-client';
import type { UploadedFile } from '$lib/files/api';

/** One file on its way to the network's file space. */
export interface Upload {
	readonly key: number;
	readonly name: string;
	readonly size: number;
	/** Bytes sent so far. */
	sent: number;
	/** Why it stopped; null while it runs. A cancelled upload leaves the list instead. */
	refused: UploadRefused | null;
	readonly controller: AbortController;
}

/**
 * The uploads a picker started: each with its progress and a way to cancel
 * it (the server then keeps nothing). A stored file leaves the list for
 * `onStored`; a refused one stays, with the reason, until dismissed.
 */
export class Uploads {
	list = $state<Upload[]>([]);
	/** Uploads still running: the form waits for them before it is sent. */
	running = $derived(this.list.filter((upload) => upload.refused === null).length);

	#next = 0;
	#url: () => string;
	#onStored: (file: UploadedFile) => void;
	#onCancelled: (name: string) => void;
	#onRefused: (upload: Upload) => void;

	constructor(options: {
		url: () => string;
		onStored: (file: UploadedFile) => void;
		onCancelled: (name: string) => void;
		onRefused: (upload: Upload) => void;
	}) {
		this.#url = options.url;
		this.#onStored = options.onStored;
		this.#onCancelled = options.onCancelled;
		this.#onRefused = options.onRefused;
	}

	async start(file: File): Promise<void> {
		const key = this.#next++;
		this.list.push({ key, name: file.name, size: file.size, sent: 0, refused: null, controller: new AbortController() });
		// The list's own (reactive) copy, which progress updates.
		const upload = this.list.find((item) => item.key === key)!;
		try {
			const stored = await uploadFile(this.#url(), file, {
				onProgress: (sent) => (upload.sent = sent),
				signal: upload.controller.signal
			});
			this.dismiss(key);
			this.#onStored(stored);
		} catch (error) {
			if (!(error instanceof UploadRefused)) throw error;
			if (error.code === 'cancelled') {
				this.dismiss(key);
				this.#onCancelled(upload.name);
			} else {
				upload.refused = error;
				this.#onRefused(upload);
			}
		}
	}

	cancel(key: number): void {
		this.list.find((upload) => upload.key === key)?.controller.abort();
	}

	dismiss(key: number): void {
		this.list = this.list.filter((upload) => upload.key !== key);
	}

	/** Stops every running upload, when the form they belong to goes away. */
	cancelAll(): void {
		for (const upload of this.list) upload.controller.abort();
	}
}
