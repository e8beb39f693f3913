// The page's side of the import worker: one worker per file, ended as soon
// as it has answered or the person has given up on the file.
import type { AnalysisResult } from './analyse.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

export interface Running {
	/** The analysis, or null when the worker failed. */
	result: Promise<AnalysisResult | null>;
	cancel(): void;
}

export function analyseInWorker(request: WorkerRequest, onProgress: (done: number, total: number) => void): Running {
	const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
	let settle: (result: AnalysisResult | null) => void = () => {};
	const result = new Promise<AnalysisResult | null>((resolve) => (settle = resolve));
	const stop = (answer: AnalysisResult | null) => {
		worker.terminate();
		settle(answer);
	};
	worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
		if (data.type === 'progress') onProgress(data.done, data.total);
		else stop(data.type === 'done' ? data.result : null);
	};
	worker.onerror = (event) => {
		console.error('map import: the worker did not start', event.message);
		stop(null);
	};
	worker.postMessage(request);
	return { result, cancel: () => stop(null) };
}
