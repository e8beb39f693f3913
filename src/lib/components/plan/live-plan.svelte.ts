// A co-design plan lives on a page: the document's session and its two live
// lists (objectives, actions) over it, started once the page's scripts run
// (Yjs and the socket load with them, not with the HTML). Until the server's
// copy is in, pages show the plan as last projected into SQL.
import type { CollaborationSession } from '$lib/editor/collaboration.svelte';
import type { Presence } from '$lib/presence';
import type { Action, Objective } from '$lib/plan/plan';
import type { StructuredItems } from '$lib/structured/items.svelte';

export class LivePlan {
	session = $state<CollaborationSession | null>(null);
	objectives = $state<StructuredItems<Objective> | null>(null);
	actions = $state<StructuredItems<Action> | null>(null);
	failed = $state(false);

	/** The live lists hold the server's copy (or, offline, this device's). */
	get live(): boolean {
		return this.actions !== null && (this.session?.ready ?? false);
	}

	/** The plan to show: the live one once in, else the one last projected. */
	shown(projected: { objectives: Objective[]; actions: Action[] } | null): { objectives: Objective[]; actions: Action[] } {
		if (this.live) return { objectives: this.objectives!.all, actions: this.actions!.all };
		return projected ?? { objectives: this.objectives?.all ?? [], actions: this.actions?.all ?? [] };
	}

	/** Starts the session; call from onMount and return what it returns, which stops it. */
	start(doc: { id: string; title: string }, presence: Presence): () => void {
		let stopped = false;
		Promise.all([import('$lib/editor/collaboration.svelte'), import('$lib/structured/items.svelte'), import('$lib/plan/plan-doc')])
			.then(([{ CollaborationSession }, { StructuredItems }, { PLAN_OBJECTIVES, PLAN_ACTIONS }]) => {
				if (stopped) return;
				const session = new CollaborationSession(doc, presence);
				this.objectives = new StructuredItems(session.doc, PLAN_OBJECTIVES);
				this.actions = new StructuredItems(session.doc, PLAN_ACTIONS);
				this.session = session;
			})
			.catch((error) => {
				console.error('co-design plan failed to start', error);
				this.failed = true;
			});
		return () => {
			stopped = true;
			this.objectives?.destroy();
			this.actions?.destroy();
			this.session?.destroy();
		};
	}
}
