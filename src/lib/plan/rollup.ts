// Where a plan stands, from its actions and their follow-up: each action's
// latest status and percentage, whether it is late or its verification
// overdue, its indicators against their targets; and the same rolled up per
// objective (a general one takes in its specific ones) and for the whole
// plan. Pure, so the pages, the reminders and the reports agree.
import type { Action, ActionStatus, Indicator, Objective, ProgressUpdate, Verification } from './plan.ts';

/** Statuses after which nothing is expected of an action any more. */
const CLOSED: readonly ActionStatus[] = ['done', 'dropped'];

export interface IndicatorState {
	indicator: Indicator;
	/** The latest value reported, or null when none has been. */
	current: number | null;
	/** How far from the baseline to the target the current value is, 0 to 1; null when it cannot be said. */
	reached: number | null;
}

export interface ActionState {
	action: Action;
	/** The latest update, if any. */
	latest: ProgressUpdate | null;
	status: ActionStatus;
	/** The latest percentage reported (100 once done), 0 before any. */
	percent: number;
	/** Past its end date and neither done nor dropped. */
	late: boolean;
	/** Its verification date has passed and no verification of it has been recorded since. */
	verificationDue: boolean;
	indicators: IndicatorState[];
	/** Its verifications, newest first. */
	verifications: Verification[];
}

/** An action past its end (`today` an ISO date) and neither done nor dropped. */
export const isLate = (action: Pick<Action, 'to'>, status: ActionStatus, today: string): boolean =>
	action.to !== null && action.to < today && !CLOSED.includes(status);

/** A verification date that has passed with no verification recorded on or after it. */
export function isVerificationDue(action: Pick<Action, 'verificationOn'>, status: ActionStatus, verifications: readonly Verification[], today: string): boolean {
	const on = action.verificationOn;
	if (on === null || on >= today || status === 'dropped') return false;
	return !verifications.some((verification) => verification.recordedAt.slice(0, 10) >= on);
}

/** How far `current` has gone from the indicator's baseline to its target, clamped to 0–1. */
export function reached(indicator: Pick<Indicator, 'baseline' | 'target'>, current: number | null): number | null {
	const { baseline, target } = indicator;
	if (current === null || target === null) return null;
	const from = baseline ?? 0;
	if (target === from) return current === target ? 1 : 0;
	return Math.min(1, Math.max(0, (current - from) / (target - from)));
}

/** Each action with where it stands, from updates and verifications in any order. */
export function actionStates(actions: readonly Action[], updates: readonly ProgressUpdate[], verifications: readonly Verification[], today: string): ActionState[] {
	const newestFirst = <T extends { id: string }>(rows: readonly T[], at: (row: T) => string) =>
		[...rows].sort((a, b) => at(b).localeCompare(at(a)) || a.id.localeCompare(b.id));
	const updatesOf = Map.groupBy(newestFirst(updates, (update) => update.postedAt), (update) => update.actionId);
	const verificationsOf = Map.groupBy(newestFirst(verifications, (verification) => verification.recordedAt), (verification) => verification.actionId);
	return actions.map((action) => {
		const history = updatesOf.get(action.id) ?? [];
		const latest = history[0] ?? null;
		const status = latest?.status ?? 'not_started';
		const lastPercent = history.find((update) => update.percent !== null)?.percent ?? 0;
		const checked = verificationsOf.get(action.id) ?? [];
		return {
			action,
			latest,
			status,
			percent: status === 'done' ? 100 : lastPercent,
			late: isLate(action, status, today),
			verificationDue: isVerificationDue(action, status, checked, today),
			indicators: action.indicators.map((indicator) => {
				const current = history.find((update) => typeof update.indicatorValues[indicator.id] === 'number')?.indicatorValues[indicator.id] ?? null;
				return { indicator, current, reached: reached(indicator, current) };
			}),
			verifications: checked
		};
	});
}

export interface Rollup {
	/** Actions counted, dropped ones aside. */
	actions: number;
	/** The mean percentage of the counted actions, 0 to 100, rounded; 0 without actions. */
	percent: number;
	byStatus: Record<ActionStatus, number>;
	late: number;
	verificationsDue: number;
	/** Indicators with a target, and those that reached it. */
	indicators: number;
	indicatorsReached: number;
}

export function rollup(states: readonly ActionState[]): Rollup {
	const byStatus: Record<ActionStatus, number> = { not_started: 0, on_track: 0, at_risk: 0, late: 0, done: 0, dropped: 0 };
	for (const state of states) byStatus[state.status]++;
	const counted = states.filter((state) => state.status !== 'dropped');
	const measured = counted.flatMap((state) => state.indicators).filter((indicator) => indicator.indicator.target !== null);
	return {
		actions: counted.length,
		percent: counted.length === 0 ? 0 : Math.round(counted.reduce((sum, state) => sum + state.percent, 0) / counted.length),
		byStatus,
		late: states.filter((state) => state.late).length,
		verificationsDue: states.filter((state) => state.verificationDue).length,
		indicators: measured.length,
		indicatorsReached: measured.filter((indicator) => indicator.reached === 1).length
	};
}

/** Each objective's roll-up: its own actions, and for a general objective those of its specific ones too. */
export function objectiveRollups(objectives: readonly Objective[], states: readonly ActionState[]): Map<string, Rollup> {
	const childrenOf = Map.groupBy(objectives.filter((objective) => objective.parentId !== null), (objective) => objective.parentId!);
	return new Map(
		objectives.map((objective) => {
			const ids = new Set([objective.id, ...(childrenOf.get(objective.id) ?? []).map((child) => child.id)]);
			return [objective.id, rollup(states.filter((state) => ids.has(state.action.objectiveId)))];
		})
	);
}

/**
 * The loop an action belongs to: the actions it revises (oldest first), then
 * itself, then those that revise it, so a page shows hypothesis, verification
 * and the next hypothesis in order. A cycle written by a faulty client stops
 * at the first action seen twice.
 */
export function revisionLoop(actions: readonly Action[], actionId: string): Action[] {
	const byId = new Map(actions.map((action) => [action.id, action]));
	const revisedBy = Map.groupBy(actions.filter((action) => action.revisesId !== null), (action) => action.revisesId!);
	const seen = new Set<string>([actionId]);
	const before: Action[] = [];
	for (let at = byId.get(actionId)?.revisesId; at && !seen.has(at) && byId.has(at); at = byId.get(at)!.revisesId) {
		seen.add(at);
		before.unshift(byId.get(at)!);
	}
	const after: Action[] = [];
	const queue = [...(revisedBy.get(actionId) ?? [])];
	while (queue.length > 0) {
		const next = queue.shift()!;
		if (seen.has(next.id)) continue;
		seen.add(next.id);
		after.push(next);
		queue.push(...(revisedBy.get(next.id) ?? []));
	}
	const self = byId.get(actionId);
	return [...before, ...(self ? [self] : []), ...after];
}
