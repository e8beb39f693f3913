// Which item of the plan is open in the side panel, kept in the page's
// address (?openObjective= or ?openAction=, 'new' while one is being added)
// so it can be linked to and survives a reload. Not ?objective=: that is the filter's.
export interface PlanSelection {
	kind: 'objective' | 'action';
	id: string;
}

/** The address's parameter for an open item of `kind`. */
export const selectionParam = (kind: PlanSelection['kind']): string => (kind === 'objective' ? 'openObjective' : 'openAction');

export function selectionOf(params: URLSearchParams): PlanSelection | null {
	for (const kind of ['objective', 'action'] as const) {
		const id = params.get(selectionParam(kind));
		if (id) return { kind, id };
	}
	return null;
}
