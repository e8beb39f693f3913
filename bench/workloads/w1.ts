// W1: 100 documents × 4 editors typing at 3 edits/s, plus 2 read-only viewers
// each — 600 connections, 1,200 edits/s, each edit delivered to 5 clients.
// w1x2.ts runs the same on two server processes. As in W2, the editors read
// everything the server sends them but apply none of the others' edits, and
// the viewers apply everything and log the propagation: 600 Yjs documents
// applying 9–12 updates a second each kept the two cores busy enough that
// the clients' own garbage collection and queueing made the tails (client
// event-loop p99 20–150 ms from round to round). The server's work is the same.
import type { ClientSpec } from '../clients/worker.ts';
import type { System } from '../systems/types.ts';
import { editingRun, type Context, type EditingResult } from './context.ts';

/**
 * W1's clients; with several ports, each document's editors (and its viewers)
 * are split evenly between the server processes, in order.
 */
export function w1Layout(system: System, ctx: Context, ports: number[]): ClientSpec[] {
	const { editors, viewers } = ctx.config.w1;
	const { fixture } = ctx;
	const portOf = (j: number, of: number) => ports[Math.floor((j * ports.length) / of)];
	const specs: ClientSpec[] = [];
	let editorIndex = 0;
	ctx.documents.w1.forEach((doc, d) => {
		for (let j = 0; j < editors; j++) {
			const user = fixture.editors[(d * editors + j) % fixture.editors.length];
			specs.push({ endpoint: system.endpoint(portOf(j, editors), doc, user), role: 'editor', doc, index: editorIndex++, dropUpdates: true });
		}
		for (let j = 0; j < viewers; j++) {
			const user = fixture.viewers[(d * viewers + j) % fixture.viewers.length];
			specs.push({ endpoint: system.endpoint(portOf(j, viewers), doc, user), role: 'viewer', doc, index: -1 });
		}
	});
	return specs;
}

export async function w1(system: System, ctx: Context): Promise<EditingResult> {
	// Each round measures w1.measureSeconds; the rounds are pooled by run.ts.
	return editingRun(
		system,
		{ ...ctx, config: { ...ctx.config, measureSeconds: ctx.config.w1.measureSeconds } },
		(ports) => w1Layout(system, ctx, ports),
		ctx.config.w1.editsPerSecond
	);
}
