// What the monitoring page says about a plan, from its actions' states
// (rollup.ts): the whole plan, each general objective with its specific
// ones, the actions by status, what is late or waits for a verification,
// and every indicator against its target. Pure, so the page and its tests
// read the same figures.
import { ACTION_STATUSES, type Action, type ActionStatus, type Objective } from './plan.ts';
import { objectiveRollups, rollup, type ActionState, type Rollup } from './rollup.ts';

export interface ObjectiveProgress {
	objective: Objective;
	rollup: Rollup;
	/** A general objective's specific ones; none for a specific one. */
	specific: ObjectiveProgress[];
}

export interface IndicatorProgress {
	actionId: string;
	actionTitle: string;
	indicatorId: string;
	name: string;
	unit: string;
	baseline: number | null;
	/** The latest value reported; null before any. */
	current: number | null;
	target: number | null;
	/** 0 to 100, rounded; null when it cannot be said (no target, or nothing reported). */
	percent: number | null;
}

export interface Monitoring {
	plan: Rollup;
	objectives: ObjectiveProgress[];
	byStatus: { status: ActionStatus; count: number }[];
	/** Late actions, the longest overdue first. */
	late: Action[];
	/** Actions whose verification date has passed unrecorded, the oldest date first. */
	verificationsDue: Action[];
	indicators: IndicatorProgress[];
}

const byDate = (at: (action: Action) => string | null) => (a: Action, b: Action) => (at(a) ?? '').localeCompare(at(b) ?? '');

export function monitoring(objectives: readonly Objective[], states: readonly ActionState[]): Monitoring {
	const rollups = objectiveRollups(objectives, states);
	const progressOf = (objective: Objective): ObjectiveProgress => ({
		objective,
		rollup: rollups.get(objective.id)!,
		specific: objective.level === 'general' ? objectives.filter((child) => child.parentId === objective.id).map(progressOf) : []
	});
	// A specific objective whose general one is missing (a faulty client) still shows, on its own.
	const known = new Set(objectives.map((objective) => objective.id));
	const tops = objectives.filter((objective) => objective.parentId === null || !known.has(objective.parentId));
	const plan = rollup(states);
	return {
		plan,
		objectives: tops.map(progressOf),
		byStatus: ACTION_STATUSES.map((status) => ({ status, count: plan.byStatus[status] })),
		late: states.filter((state) => state.late).map((state) => state.action).sort(byDate((action) => action.to)),
		verificationsDue: states
			.filter((state) => state.verificationDue)
			.map((state) => state.action)
			.sort(byDate((action) => action.verificationOn)),
		indicators: states
			.filter((state) => state.status !== 'dropped')
			.flatMap((state) =>
				state.indicators.map(({ indicator, current, reached }) => ({
					actionId: state.action.id,
					actionTitle: state.action.title,
					indicatorId: indicator.id,
					name: indicator.name,
					unit: indicator.unit,
					baseline: indicator.baseline,
					current,
					target: indicator.target,
					percent: reached === null ? null : Math.round(reached * 100)
				}))
			)
	};
}
