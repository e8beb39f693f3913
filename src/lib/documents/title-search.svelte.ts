/** How long typing pauses before the picker asks: one request per word rather than per letter. */
const PAUSE_MS = 150;

/**
 * A picker's suggestions for what is typed: documents by title, files by
 * name. A newer search cancels an older one still on its way, so the list
 * always answers the latest text, and `answered` says which text that is.
 */
export class TitleSearch<T> {
	options = $state<T[]>([]);
	/** The text the options answer; null before the first answer or after close(). */
	answered = $state<string | null>(null);
	/** The last search could not be made (offline, signed out, a server error). */
	failed = $state(false);

	#url: (typed: string) => string;
	#read: (body: unknown) => T[];
	#timer: ReturnType<typeof setTimeout> | undefined;
	#request: AbortController | undefined;

	/** `url` says where to ask for what is typed; `read` takes the options out of the JSON answer. */
	constructor(url: (typed: string) => string, read: (body: unknown) => T[]) {
		this.#url = url;
		this.#read = read;
	}

	/** Searches for what is typed once typing pauses. */
	search(typed: string): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#ask(typed), PAUSE_MS);
	}

	/** Forgets the options and drops any search under way. */
	close(): void {
		clearTimeout(this.#timer);
		this.#request?.abort();
		this.options = [];
		this.answered = null;
		this.failed = false;
	}

	async #ask(typed: string): Promise<void> {
		this.#request?.abort();
		const request = (this.#request = new AbortController());
		try {
			const response = await fetch(this.#url(typed), { signal: request.signal, headers: { accept: 'application/json' } });
			if (!response.ok) throw new Error(`${this.#url(typed)}: ${response.status}`);
			this.options = this.#read(await response.json());
			this.failed = false;
		} catch (error) {
			if (request.signal.aborted) return;
			console.warn(error);
			this.options = [];
			this.failed = true;
		}
		this.answered = typed;
	}
}
