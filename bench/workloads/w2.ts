// W2: one hot document, 200 editors typing at 1 edit/s — each edit delivered
// to the 199 others.
import type { ClientSpec } from '../clients/worker.ts';
import type { System } from '../systems/types.ts';
import { editingRun, type Context, type EditingResult } from './context.ts';

export async function w2(system: System, ctx: Context): Promise<EditingResult> {
	const { editors, editsPerSecond } = ctx.config.w2;
	const doc = ctx.documents.w2[0];
	const layout = (port: number): ClientSpec[] => Array.from({ length: editors }, (_, i) => ({
		endpoint: system.endpoint(port, doc, ctx.fixture.editors[i % ctx.fixture.editors.length]),
		role: 'editor' as const,
		doc,
		index: i
	}));
	return editingRun(system, ctx, layout, editsPerSecond);
}
