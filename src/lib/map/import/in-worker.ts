// The page's side of the import worker: one worker per file, ended as soon
// as it has answered or the person has given up on the file.
import type { MapEntry } from '../entry.ts';
import type { Message } from './problems.ts';
import type { Review, WorkerReply, WorkerRequest } from './worker.ts';

export type { Review };

/** A file the worker could read: the review, and the entries, parsed only when asked for. */
export interface Analysed {
	review: Review;
	entries: () => MapEntry[];
	error?: never;
}

/** What the worker found, or why the file was refused. */
export type Outcome = Analysed | { error: Message; review?: never };

export interface Running {
	/** The outcome, or null when the worker failed. */
	result: Promise<Outcome | null>;
	cancel(): void;
}

export function analyseInWorker(request: WorkerRequest, onProgress: (done: number, total: number) => void): Running {
	const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
	let settle: (outcome: Outcome | null) => void = () => {};
	const result = new Promise<Outcome | null>((resolve) => (settle = resolve));
	const stop = (outcome: Outcome | null) => {
		worker.terminate();
		settle(outcome);
	};
	worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
		if (data.type === 'progress') onProgress(data.done, data.total);
		else if (data.type === 'refused') stop({ error: data.error });
		else if (data.type === 'analysed') stop({ review: data.review, entries: () => JSON.parse(data.entries) as MapEntry[] });
		else stop(null);
	};
	worker.onerror = (event) => {
		console.error('map import: the worker did not start', event.message);
		stop(null);
	};
	worker.postMessage(request);
	return { result, cancel: () => stop(null) };
}
