// The plan's timeline: which months it spans, where each action's bar
// starts and ends, and where today falls. The month arithmetic and the scale
// are d3's (d3-time, d3-scale), in UTC: a plan's dates are calendar days
// (yyyy-mm-dd), not instants, so no time zone may move them a day.
import { scaleUtc } from 'd3-scale';
import { utcDay, utcMonth } from 'd3-time';
import type { Action, Objective } from './plan.ts';

/** A calendar day (yyyy-mm-dd) as midnight UTC. */
export const dayOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export interface TimelineBar {
	action: Action;
	/** Where the bar starts and ends along the timeline, in percent of its width. */
	left: number;
	width: number;
	/** The action has no start (or no end) date: the bar runs from the timeline's start (to its end). */
	openStart: boolean;
	openEnd: boolean;
}

export interface Timeline {
	/** The first day of each month shown, in order. */
	months: Date[];
	/** Where today's line falls, in percent; null when today is outside the months shown. */
	today: number | null;
	bars: Map<string, TimelineBar>;
}

/**
 * The months from the earliest date an action gives to the latest (its
 * end included), or today's month when no action is dated. An open start
 * or end stretches the bar to the timeline's edge: the action is under way
 * for all the plan knows.
 */
export function timeline(actions: Action[], today: string): Timeline {
	const dates = actions.flatMap((action) => [action.from, action.to]).filter((date): date is string => date !== null).sort();
	const first = utcMonth.floor(dayOf(dates[0] ?? today));
	// The month after the last one, so the last month has its full width.
	const end = utcMonth.offset(utcMonth.floor(dayOf(dates.at(-1) ?? today)), 1);
	const months = utcMonth.range(first, end);
	const x = scaleUtc().domain([first, end]).range([0, 100]).clamp(true);

	const bars = new Map<string, TimelineBar>();
	for (const action of actions) {
		const start = action.from ? x(dayOf(action.from)) : 0;
		// A bar covers its last day: it ends at the next day's midnight.
		const stop = action.to ? x(utcDay.offset(dayOf(action.to), 1)) : 100;
		bars.set(action.id, { action, left: start, width: Math.max(stop - start, 0), openStart: !action.from, openEnd: !action.to });
	}
	const now = dayOf(today);
	return { months, today: now >= first && now < end ? x(now) : null, bars };
}

export interface TimelineGroup {
	objective: Objective | null;
	/** 0 for a general objective (or the actions of none), 1 for a specific one, shown under its general. */
	depth: 0 | 1;
	actions: Action[];
}

/**
 * The timeline's rows: each general objective with its actions, then each
 * of its specific objectives with theirs; objectives without actions are
 * kept, so the plan's shape shows. Actions whose objective is not in the
 * plan come last, under no objective (null).
 */
export function timelineGroups(objectives: Objective[], actions: Action[]): TimelineGroup[] {
	const byObjective = Map.groupBy(actions, (action) => action.objectiveId);
	const generals = objectives.filter((objective) => objective.level === 'general' || !objectives.some((other) => other.id === objective.parentId));
	const groups: TimelineGroup[] = generals.flatMap((general) => [
		{ objective: general, depth: 0 as const, actions: byObjective.get(general.id) ?? [] },
		...objectives
			.filter((specific) => specific.level === 'specific' && specific.parentId === general.id)
			.map((specific) => ({ objective: specific, depth: 1 as const, actions: byObjective.get(specific.id) ?? [] }))
	]);
	const known = new Set(objectives.map((objective) => objective.id));
	const orphans = actions.filter((action) => !known.has(action.objectiveId));
	return orphans.length > 0 ? [...groups, { objective: null, depth: 0, actions: orphans }] : groups;
}
