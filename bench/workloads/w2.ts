// W2: one hot document, 200 editors typing at 1 edit/s — 200 edits/s, and the
// server sends every one to all 204 sockets. The editors send their own edits
// and read everything the server sends them, but apply none of the others'
// updates (client.ts drops them after reading: two cores cannot also run 200
// Yjs documents each applying 200 updates a second, which would measure the
// harness). A few observers — read-only viewers, in a client process of
// their own — apply everything and log each edit's propagation. The server's work is the same as with 200 applying
// editors: it receives, applies, stores and sends every edit to every socket.
import type { ClientSpec } from '../clients/worker.ts';
import type { System } from '../systems/types.ts';
import { editingRun, type Context, type EditingResult } from './context.ts';

export async function w2(system: System, ctx: Context): Promise<EditingResult> {
	const { editors, editsPerSecond, observers } = ctx.config.w2;
	const doc = ctx.documents.w2[0];
	const layout = ([port]: number[]): ClientSpec[] => [
		...Array.from({ length: editors }, (_, i) => ({
			endpoint: system.endpoint(port, doc, ctx.fixture.editors[i % ctx.fixture.editors.length]),
			role: 'editor' as const,
			doc,
			index: i,
			dropUpdates: true
		})),
		// In a client process of their own: the editors' processes read 200 updates a
		// second per editor, and answer every presence renewal of the others (y-websocket's
		// provider sends back each awareness update it receives): an observer among them
		// measured that work every 15 s, whatever the server.
		...Array.from({ length: observers }, (_, i) => ({
			endpoint: system.endpoint(port, doc, ctx.fixture.viewers[i % ctx.fixture.viewers.length]),
			role: 'viewer' as const,
			doc,
			index: -1,
			worker: 0
		}))
	];
	return editingRun(system, ctx, layout, editsPerSecond);
}
