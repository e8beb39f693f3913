// Reads an import file off the page's thread, so a 10 MB file never freezes
// the page: the page sends the file, this answers with progress and then the
// analysis, or with failed when something unforeseen went wrong. The entries
// travel as one JSON string, which crosses to the page as a plain copy: the
// page parses it only if the person imports them, rather than paying for
// thousands of cloned objects the moment the review appears.
import { analyse, type Analysis, type ImportOptions } from './analyse.ts';
import type { Message } from './problems.ts';

export type WorkerRequest = { file: File } & Omit<ImportOptions, 'onProgress' | 'fileName'>;
/** An analysis as the page reviews it: everything but the entries themselves. */
export type Review = Omit<Analysis, 'entries'>;
export type WorkerReply =
	| { type: 'progress'; done: number; total: number }
	| { type: 'refused'; error: Message }
	| { type: 'analysed'; review: Review; entries: string }
	| { type: 'failed' };

const reply = (message: WorkerReply) => postMessage(message);

onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
	try {
		const { file, ...options } = data;
		const bytes = new Uint8Array(await file.arrayBuffer());
		const result = analyse(bytes, { ...options, fileName: file.name, onProgress: (done, total) => reply({ type: 'progress', done, total }) });
		if (result.error) return reply({ type: 'refused', error: result.error });
		const { entries, ...review } = result.analysis;
		reply({ type: 'analysed', review, entries: JSON.stringify(entries) });
	} catch (error) {
		console.error('map import: the file could not be analysed', error);
		reply({ type: 'failed' });
	}
};
