// A client process holding many simulated clients. The orchestrator
// (pool.ts) drives it phase by phase over IPC; see the Command type.
import { processMeter } from '../meter.ts';
import type { Endpoint } from '../systems/types.ts';
import { connect, traffic, type BenchClient } from './client.ts';
import { Editor, Receiver } from './editor.ts';

export interface ClientSpec {
	endpoint: Endpoint;
	role: 'editor' | 'viewer' | 'idle';
	/** Which document, for the delivery count. */
	doc: string;
	/** Position among all editors: picks the editor's starting point in the trace. */
	index: number;
	/**
	 * An editor that reads the server's messages but applies none of the
	 * others' document updates, and so logs no arrivals (W2's editors).
	 */
	dropUpdates?: boolean;
	/**
	 * The client process to run in (W2's observers: one of their own, so that
	 * what they measure is not the editors' work in the same process). The
	 * other clients are spread over the remaining processes.
	 */
	worker?: number;
}

export type Command =
	| { cmd: 'connect'; clients: ClientSpec[]; concurrency: number; timeoutMs: number }
	| { cmd: 'run'; from: number; to: number; editsPerSecond: number }
	| { cmd: 'stop'; drainMs: number }
	| { cmd: 'open'; endpoint: Endpoint; seal: string; keep: boolean; timeoutMs: number }
	| { cmd: 'close' };

interface Live {
	spec: ClientSpec;
	client: BenchClient;
	editor?: Editor;
	receiver?: Receiver;
}

const live: Live[] = [];
const kept: BenchClient[] = [];
let window: { from: number; to: number } | null = null;
let samples: number[] = [];
/** Worst latency per second of the window, to see whether slow edits come in bursts. */
let worstBySecond: number[] = [];
const record = (ms: number, arrived: number) => {
	samples.push(ms);
	if (window) {
		const second = Math.floor((arrived - window.from) / 1000);
		if (second >= 0) worstBySecond[second] = Math.max(worstBySecond[second] ?? 0, ms);
	}
};
const meter = processMeter();

const timeout = <T>(promise: Promise<T>, ms: number) =>
	Promise.race([promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);

async function handle(command: Command): Promise<unknown> {
	switch (command.cmd) {
		case 'connect': {
			const syncMs: number[] = [];
			let failed = 0;
			let next = 0;
			const lane = async () => {
				while (next < command.clients.length) {
					const spec = command.clients[next++];
					const client = connect(spec.endpoint, `${spec.role} ${spec.index}`, { dropUpdates: spec.dropUpdates });
					const entry: Live = { spec, client };
					if (spec.role !== 'idle' && !spec.dropUpdates) entry.receiver = new Receiver(client.doc, () => window, record);
					live.push(entry);
					const ms = await timeout(client.synced, command.timeoutMs);
					if (ms === null) failed++;
					else syncMs.push(ms);
				}
			};
			await Promise.all(Array.from({ length: command.concurrency }, lane));
			return { syncMs, failed };
		}
		case 'run': {
			globalThis.gc?.();
			// GC entries are delivered asynchronously: let the forced one arrive before counting starts.
			await new Promise((resolve) => setTimeout(resolve, 100));
			window = { from: command.from, to: command.to };
			samples.length = 0;
			worstBySecond = [];
			meter.reset();
			Object.assign(traffic, { messages: 0, bytes: 0, sentMessages: 0, sentBytes: 0, dropped: 0, opened: 0 });
			for (const entry of live) {
				if (entry.spec.role !== 'editor') continue;
				entry.editor = new Editor(entry.client.doc, String(entry.spec.index), entry.spec.index * 389, command.editsPerSecond);
				entry.editor.start(window);
			}
			return null;
		}
		case 'stop': {
			for (const entry of live) entry.editor?.stop();
			await new Promise((resolve) => setTimeout(resolve, command.drainMs));
			meter.stop();
			const reading = meter.read(command.drainMs);
			const sentByDoc: Record<string, number> = {};
			/** Sent by editors that also log arrivals: their own edits are not expected back. */
			const sentByReceiversByDoc: Record<string, number> = {};
			const receivedByDoc: Record<string, number> = {};
			for (const entry of live) {
				if (entry.editor) sentByDoc[entry.spec.doc] = (sentByDoc[entry.spec.doc] ?? 0) + entry.editor.sentInWindow;
				if (entry.editor && entry.receiver)
					sentByReceiversByDoc[entry.spec.doc] = (sentByReceiversByDoc[entry.spec.doc] ?? 0) + entry.editor.sentInWindow;
				if (entry.receiver)
					receivedByDoc[entry.spec.doc] = (receivedByDoc[entry.spec.doc] ?? 0) + entry.receiver.received;
			}
			const result = {
				samples: Float64Array.from(samples),
				sentByDoc,
				sentByReceiversByDoc,
				receivedByDoc,
				eventLoop: reading.eventLoop,
				gc: reading.gc,
				worstBySecond: Array.from(worstBySecond, (v) => v ?? 0),
				heapMb: process.memoryUsage().heapUsed / 2 ** 20,
				traffic: { ...traffic },
				liveHeapMb: (globalThis.gc?.(), process.memoryUsage().heapUsed / 2 ** 20),
				cpuPercent: reading.cpuPercent,
				rssMb: process.memoryUsage.rss() / 2 ** 20
			};
			window = null;
			samples = [];
			return result;
		}
		case 'open': {
			const client = connect(command.endpoint, 'opener');
			const [syncedMs, contentMs] = await Promise.all([
				timeout(client.synced, command.timeoutMs),
				timeout(client.content(command.seal), command.timeoutMs)
			]);
			if (command.keep) kept.push(client);
			else client.destroy();
			return { syncedMs, contentMs };
		}
		case 'close': {
			for (const entry of live) {
				entry.editor?.stop();
				entry.client.destroy();
			}
			for (const client of kept) client.destroy();
			live.length = 0;
			kept.length = 0;
			window = null;
			samples = [];
			// Start the next run with a clean heap, not with a major GC due mid-window.
			await new Promise((resolve) => setTimeout(resolve, 200));
			for (let i = 0; i < 2; i++) globalThis.gc?.();
			return null;
		}
	}
}

process.on('message', async ({ id, command }: { id: number; command: Command }) => {
	try {
		process.send!({ id, ok: true, body: await handle(command) });
	} catch (error) {
		process.send!({ id, ok: false, error: String((error as Error)?.stack ?? error) });
	}
});
process.on('disconnect', () => process.exit(0));
