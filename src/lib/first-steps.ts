// A new network's first steps, in the order a facilitator takes them. The
// names mirror the rows of public.network_first_steps().
export const FIRST_STEPS = ['partners', 'invitations', 'territorial_map', 'community_pact'] as const;
export type FirstStepName = (typeof FIRST_STEPS)[number];

export interface FirstStep {
	step: FirstStepName;
	done: boolean;
}

/** Where each step is taken, within the network. */
export function firstStepPath(networkId: string, step: FirstStepName): string {
	const network = `/networks/${networkId}`;
	switch (step) {
		case 'partners':
			return `${network}/partners#add-partner`;
		case 'invitations':
			return `${network}/members#invite-title`;
		case 'territorial_map':
		case 'community_pact':
			// The new-document form, this kind chosen.
			return `${network}/documents?new=${step}#new-document`;
	}
}

/** The list to show: nothing once every step is done. */
export const pendingList = (steps: FirstStep[]): FirstStep[] => (steps.every((s) => s.done) ? [] : steps);
