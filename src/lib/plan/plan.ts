// A co-design document's plan: objectives (general, and specific under a
// general one) and the actions that pursue them, each with who leads and who
// contributes, when, with what, what it produces, how its success is
// measured (indicators) and verified. The vocabulary below is the contract
// of the plan's Yjs state, of its SQL projection
// (supabase/migrations/*_plan.sql) and of its exports: change them together.
import type { NetworkSystem } from '../domain.ts';

export const OBJECTIVE_LEVELS = ['general', 'specific'] as const;
export type ObjectiveLevel = (typeof OBJECTIVE_LEVELS)[number];

export interface Objective {
	/** A UUID chosen by whoever creates the objective. */
	id: string;
	level: ObjectiveLevel;
	/** The general objective a specific one serves; null for a general objective. */
	parentId: string | null;
	title: string;
	description: string;
	/** The needs of the network's territorial maps it addresses (map entry ids). */
	needIds: string[];
}

/** How an action's success is measured: from a baseline to a target, in a unit. */
export interface Indicator {
	/** A UUID, so progress can report the indicator's new value whatever its name becomes. */
	id: string;
	name: string;
	baseline: number | null;
	target: number | null;
	/** What the numbers count ("persone", "%", "ore"): required, a number without a unit says nothing. */
	unit: string;
}

export interface Action {
	id: string;
	/** The objective it pursues (one of the plan's). */
	objectiveId: string;
	title: string;
	description: string;
	/** The partner that leads it, and those that contribute: of the document's network. */
	leadPartnerId: string;
	partnerIds: string[];
	system: NetworkSystem;
	/** From and to, as ISO dates (yyyy-mm-dd); either may be open. */
	from: string | null;
	to: string | null;
	/** People put in, and the hours they give over the whole action. */
	people: number | null;
	hours: number | null;
	/** Money in euro by source, with at most two decimals. */
	eurosPublic: number | null;
	eurosOwn: number | null;
	eurosOther: number | null;
	/** What the action produces, in words. */
	outputs: string;
	indicators: Indicator[];
	/** The verification: how, by whom, on which day. */
	verificationHow: string;
	verificationBy: string;
	verificationOn: string | null;
	/** The pact's commitments it carries out (commitment ids of the network's pacts). */
	commitmentIds: string[];
	/** The action this one revises, after a verification: so the loop shows. */
	revisesId: string | null;
}

export const OBJECTIVE_FIELDS = ['level', 'parentId', 'title', 'description', 'needIds'] as const satisfies readonly Exclude<keyof Objective, 'id'>[];
export type ObjectiveField = (typeof OBJECTIVE_FIELDS)[number];

/** The fields a person can change, in the order forms and tables show them. */
export const ACTION_FIELDS = [
	'objectiveId',
	'title',
	'description',
	'leadPartnerId',
	'partnerIds',
	'system',
	'from',
	'to',
	'people',
	'hours',
	'eurosPublic',
	'eurosOwn',
	'eurosOther',
	'outputs',
	'indicators',
	'verificationHow',
	'verificationBy',
	'verificationOn',
	'commitmentIds',
	'revisesId'
] as const satisfies readonly Exclude<keyof Action, 'id'>[];
export type ActionField = (typeof ACTION_FIELDS)[number];

/** Limits on what the plan may hold, checked wherever it is written (and by SQL). */
export const PLAN_LIMITS = {
	title: 200,
	description: 4000,
	outputs: 2000,
	verification: 500,
	indicatorName: 200,
	unit: 40,
	indicators: 20,
	people: 10_000,
	hours: 1_000_000,
	euros: 1_000_000_000,
	/** Any indicator value, either way. */
	measure: 1_000_000_000,
	links: 50
} as const;

/** A progress update's status of an action. */
export const ACTION_STATUSES = ['not_started', 'on_track', 'at_risk', 'late', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The partners' verdict on an action at its verification. */
export const VERDICTS = ['achieved', 'partly', 'not_achieved'] as const;
export type Verdict = (typeof VERDICTS)[number];

export function blankObjective(id: string, overrides: Partial<Objective> = {}): Objective {
	return { id, level: 'general', parentId: null, title: '', description: '', needIds: [], ...overrides };
}

export function blankAction(id: string, objectiveId: string, overrides: Partial<Action> = {}): Action {
	return {
		id,
		objectiveId,
		title: '',
		description: '',
		leadPartnerId: '',
		partnerIds: [],
		system: 'social',
		from: null,
		to: null,
		people: null,
		hours: null,
		eurosPublic: null,
		eurosOwn: null,
		eurosOther: null,
		outputs: '',
		indicators: [],
		verificationHow: '',
		verificationBy: '',
		verificationOn: null,
		commitmentIds: [],
		revisesId: null,
		...overrides
	};
}

/** A progress update on an action, as posted (a row of public.plan_progress). */
export interface ProgressUpdate {
	id: string;
	actionId: string;
	status: ActionStatus;
	/** How much of the action is done, 0 to 100; null when the update does not say. */
	percent: number | null;
	/** The indicators' new values, by indicator id. */
	indicatorValues: Record<string, number>;
	note: string;
	/** Evidence: files of the network's file space. */
	fileIds: string[];
	postedBy: string | null;
	postedByName: string;
	/** ISO timestamp. */
	postedAt: string;
}

/** The partners' verdict on an action, recorded by a facilitator (a row of public.plan_verifications). */
export interface Verification {
	id: string;
	actionId: string;
	verdict: Verdict;
	reason: string;
	/** What changes next, and the new or revised action that carries it, if any. */
	nextStep: string;
	nextActionId: string | null;
	recordedBy: string | null;
	recordedByName: string;
	recordedAt: string;
}
