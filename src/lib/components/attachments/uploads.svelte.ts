import { Upload } from '$lib/files/upload.svelte';
import type { UploadedFile } from '$lib/files/api';

/**
 * The uploads a picker started: each with its progress and a way to cancel
 * it (the server then keeps nothing). A stored file leaves the list for
 * `onStored`; a refused one stays, with the reason, until dismissed.
 */
export class Uploads {
	list = $state<Upload[]>([]);
	/** Uploads still running: the form waits for them before it is sent. */
	running = $derived(this.list.filter((upload) => !upload.finished).length);

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
		const upload = new Upload(file, this.#url());
		this.list.push(upload);
		const stored = await upload.start();
		if (stored) {
			this.dismiss(upload);
			this.#onStored(stored);
		} else if (upload.refused?.code === 'cancelled') {
			this.dismiss(upload);
			this.#onCancelled(upload.name);
		} else {
			this.#onRefused(upload);
		}
	}

	dismiss(upload: Upload): void {
		this.list = this.list.filter((item) => item !== upload);
	}

	/** Stops every running upload, when the form they belong to goes away. */
	cancelAll(): void {
		for (const upload of this.list) upload.cancel();
	}
}
