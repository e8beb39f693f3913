// A pact's commitments live on a page: the document's session and its list
// of commitments, started once the page's scripts run (Yjs and the socket
// load with them, not with the HTML). Until the server's copy is in, pages
// show the commitments as last projected into SQL.
import type { CollaborationSession } from '$lib/editor/collaboration.svelte';
import type { Presence } from '$lib/presence';
import type { Commitment } from '$lib/pact/commitment';
import type { StructuredItems } from '$lib/structured/items.svelte';

export class LiveCommitments {
	session = $state<CollaborationSession | null>(null);
	store = $state<StructuredItems<Commitment> | null>(null);
	failed = $state(false);

	/** The live list holds the server's copy (or, offline, this device's). */
	get live(): boolean {
		return this.store !== null && (this.session?.ready ?? false);
	}

	/** The commitments to show: the live ones once in, else those last projected. */
	shown(projected: Commitment[] | null): Commitment[] {
		return this.live ? this.store!.all : (projected ?? this.store?.all ?? []);
	}

	/** Starts the session; call from onMount and return what it returns, which stops it. */
	start(doc: { id: string; title: string }, presence: Presence): () => void {
		let stopped = false;
		Promise.all([
			import('$lib/editor/collaboration.svelte'),
			import('$lib/structured/items.svelte'),
			import('$lib/pact/commitments-doc')
		])
			.then(([{ CollaborationSession }, { StructuredItems }, { COMMITMENTS }]) => {
				if (stopped) return;
				const session = new CollaborationSession(doc, presence);
				this.store = new StructuredItems(session.doc, COMMITMENTS);
				this.session = session;
			})
			.catch((error) => {
				console.error('pact commitments failed to start', error);
				this.failed = true;
			});
		return () => {
			stopped = true;
			this.store?.destroy();
			this.session?.destroy();
		};
	}
}
