// W1: 100 documents × 4 editors typing at 3 edits/s, plus 2 read-only viewers
// each — 600 connections, 1,200 edits/s, each edit delivered to 5 clients.
import type { ClientSpec } from '../clients/worker.ts';
import type { System } from '../systems/types.ts';
import { editingRun, type Context, type EditingResult } from './context.ts';

export async function w1(system: System, ctx: Context): Promise<EditingResult> {
	const { editors, viewers, editsPerSecond } = ctx.config.w1;
	const { fixture } = ctx;
	const layout = (port: number) => {
		const specs: ClientSpec[] = [];
		let editorIndex = 0;
		ctx.documents.w1.forEach((doc, d) => {
			for (let j = 0; j < editors; j++) {
				const user = fixture.editors[(d * editors + j) % fixture.editors.length];
				specs.push({ endpoint: system.endpoint(port, doc, user), role: 'editor', doc, index: editorIndex++ });
			}
			for (let j = 0; j < viewers; j++) {
				const user = fixture.viewers[(d * viewers + j) % fixture.viewers.length];
				specs.push({ endpoint: system.endpoint(port, doc, user), role: 'viewer', doc, index: -1 });
			}
		});
		return specs;
	};
	// Each round measures w1.measureSeconds; the rounds are pooled by run.ts.
	return editingRun(system, { ...ctx, config: { ...ctx.config, measureSeconds: ctx.config.w1.measureSeconds } }, layout, editsPerSecond);
}
