// Reads an import file off the page's thread, so a 10 MB file never freezes
// the page: the page sends the file, this answers with progress and then the
// analysis, or with failed when something unforeseen went wrong.
import { analyse, type AnalysisResult, type ImportOptions } from './analyse.ts';

export type WorkerRequest = { file: File } & Omit<ImportOptions, 'onProgress' | 'fileName'>;
export type WorkerReply =
	| { type: 'progress'; done: number; total: number }
	| { type: 'done'; result: AnalysisResult }
	| { type: 'failed' };

const reply = (message: WorkerReply) => postMessage(message);

onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
	try {
		const { file, ...options } = data;
		const bytes = new Uint8Array(await file.arrayBuffer());
		const result = analyse(bytes, { ...options, fileName: file.name, onProgress: (done, total) => reply({ type: 'progress', done, total }) });
		reply({ type: 'done', result });
	} catch (error) {
		console.error('map import: the file could not be analysed', error);
		reply({ type: 'failed' });
	}
};
