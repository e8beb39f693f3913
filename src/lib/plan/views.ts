// The views of a co-design plan (?view=, the matrix unless said) and the one
// filter that narrows them all. Both live in the page's address, so a
// filtered view can be shared as a link and survives a reload. Pure, so the
// page and its tests agree on what each view holds.
import { SYSTEMS, type NetworkSystem } from '../domain.ts';
import { fold } from '../map/filter.ts';
import { isUuid } from '../uuid.ts';
import { ACTION_STATUSES, type Action, type Objective } from './plan.ts';
import type { ActionState } from './rollup.ts';

export const PLAN_VIEWS = ['matrix', 'partner', 'system', 'timeline'] as const;
export type PlanView = (typeof PLAN_VIEWS)[number];

export function planViewOf(params: URLSearchParams): PlanView {
	const view = params.get('view');
	return PLAN_VIEWS.includes(view as PlanView) ? (view as PlanView) : 'matrix';
}

/** What the status filter can ask for: a status of the follow-up, or the actions past their end and not done. */
export const STATUS_CHOICES = [...ACTION_STATUSES, 'late_now'] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];

export interface PlanFilter {
	/** Words to find in the action's title, description, outputs, indicators and verification. */
	q: string;
	partner: string | null;
	system: NetworkSystem | null;
	/** An objective: a general one takes in its specific ones. */
	objective: string | null;
	status: StatusChoice | null;
}

export const FILTER_PARAMS = ['q', 'partner', 'system', 'objective', 'status'] as const;

/** The filter in a page's query string; unknown values are ignored rather than refused. */
export function planFilterOf(params: URLSearchParams): PlanFilter {
	const id = (name: string) => {
		const value = (params.get(name) ?? '').toLowerCase();
		return isUuid(value) ? value : null;
	};
	const system = params.get('system') as NetworkSystem;
	const status = params.get('status') as StatusChoice;
	return {
		q: (params.get('q') ?? '').trim().slice(0, 200),
		partner: id('partner'),
		system: SYSTEMS.includes(system) ? system : null,
		objective: id('objective'),
		status: STATUS_CHOICES.includes(status) ? status : null
	};
}

/** `params` with the filter's values set and the empty ones dropped, the others (view, open item) kept. */
export function planFilterToParams(filter: PlanFilter, params = new URLSearchParams()): URLSearchParams {
	const next = new URLSearchParams(params);
	for (const key of FILTER_PARAMS) {
		const value = filter[key];
		if (value) next.set(key, value);
		else next.delete(key);
	}
	return next;
}

export const isFiltered = (filter: PlanFilter): boolean =>
	filter.q !== '' || filter.partner !== null || filter.system !== null || filter.objective !== null || filter.status !== null;

/** The actions' states the filter keeps, in their order. */
export function filterActions(states: readonly ActionState[], filter: PlanFilter, objectives: readonly Objective[]): ActionState[] {
	const words = fold(filter.q).split(/\s+/).filter(Boolean);
	const objectiveIds = filter.objective
		? new Set([filter.objective, ...objectives.filter((objective) => objective.parentId === filter.objective).map((objective) => objective.id)])
		: null;
	return states.filter(({ action, status, late }) => {
		if (filter.partner && action.leadPartnerId !== filter.partner && !action.partnerIds.includes(filter.partner)) return false;
		if (filter.system && action.system !== filter.system) return false;
		if (objectiveIds && !objectiveIds.has(action.objectiveId)) return false;
		if (filter.status === 'late_now' ? !late : filter.status !== null && status !== filter.status) return false;
		if (words.length === 0) return true;
		const text = fold(
			[action.title, action.description, action.outputs, action.verificationHow, action.verificationBy, ...action.indicators.map((indicator) => indicator.name)].join('\n')
		);
		return words.every((word) => text.includes(word));
	});
}

export interface ObjectiveGroup<T> {
	objective: Objective;
	items: T[];
	/** A general objective's specific ones, each with its items. */
	specifics: { objective: Objective; items: T[] }[];
}

/**
 * The matrix's grouping: each general objective with its items and its
 * specific ones with theirs. A specific objective whose general one is gone
 * stands on its own; items whose objective is gone come back apart, so
 * nothing written disappears from view. With `keepEmpty` false (a filter is
 * on), objectives without items are left out.
 */
export function groupByObjective<T>(
	objectives: readonly Objective[],
	items: readonly T[],
	objectiveOf: (item: T) => string,
	keepEmpty: boolean
): { groups: ObjectiveGroup<T>[]; orphans: T[] } {
	const byObjective = Map.groupBy(items, objectiveOf);
	const ids = new Set(objectives.map((objective) => objective.id));
	const own = (objective: Objective) => byObjective.get(objective.id) ?? [];
	const tops = objectives.filter((objective) => objective.level === 'general' || !objective.parentId || !ids.has(objective.parentId));
	const groups = tops
		.map((objective) => ({
			objective,
			items: own(objective),
			specifics: objectives
				.filter((child) => child.parentId === objective.id && child.id !== objective.id && objective.level === 'general')
				.map((child) => ({ objective: child, items: own(child) }))
				.filter((child) => keepEmpty || child.items.length > 0)
		}))
		.filter((group) => keepEmpty || group.items.length > 0 || group.specifics.length > 0);
	return { groups, orphans: items.filter((item) => !ids.has(objectiveOf(item))) };
}

export interface PartnerGroup<T> {
	partnerId: string;
	/** Null for a partner no longer in the network. */
	name: string | null;
	leads: T[];
	contributes: T[];
}

/**
 * "What my organisation does, and when": each partner with the actions it
 * leads and those it contributes to; the person's own partner first, then
 * the others by name, partners that have left the network last.
 */
export function groupByPartner<T>(
	items: readonly T[],
	actionOf: (item: T) => Pick<Action, 'leadPartnerId' | 'partnerIds'>,
	partners: readonly { id: string; name: string }[],
	ownPartnerId: string | null
): PartnerGroup<T>[] {
	const names = new Map(partners.map((partner) => [partner.id, partner.name]));
	const groups = new Map<string, PartnerGroup<T>>();
	const groupOf = (partnerId: string) => {
		let group = groups.get(partnerId);
		if (!group) groups.set(partnerId, (group = { partnerId, name: names.get(partnerId) ?? null, leads: [], contributes: [] }));
		return group;
	};
	for (const item of items) {
		const action = actionOf(item);
		if (action.leadPartnerId) groupOf(action.leadPartnerId).leads.push(item);
		for (const partnerId of action.partnerIds) if (partnerId !== action.leadPartnerId) groupOf(partnerId).contributes.push(item);
	}
	const rank = (group: PartnerGroup<T>) => (group.partnerId === ownPartnerId ? 0 : group.name === null ? 2 : 1);
	return [...groups.values()].sort((a, b) => rank(a) - rank(b) || (a.name ?? '').localeCompare(b.name ?? '', 'it') || a.partnerId.localeCompare(b.partnerId));
}

