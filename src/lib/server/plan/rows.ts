// A plan's objectives and actions as rows of public.plan_objectives and
// public.plan_actions, and back: the collab server writes the plan as rows,
// the pages, reminders and exports read them back as objectives and actions.
import type { Action, Indicator, Objective } from '../../plan/plan.ts';

/** A table's written columns with their SQL types: the projector's statements are made from them. */
export type Columns = readonly (readonly [column: string, type: string])[];

export const OBJECTIVE_COLUMNS: Columns = [
	['level', 'text'],
	['parent_id', 'uuid'],
	['title', 'text'],
	['description', 'text'],
	['need_ids', 'uuid[]']
];

export const ACTION_COLUMNS: Columns = [
	['objective_id', 'uuid'],
	['title', 'text'],
	['description', 'text'],
	['lead_partner_id', 'uuid'],
	['partner_ids', 'uuid[]'],
	['system', 'public.network_system'],
	['starts_on', 'date'],
	['ends_on', 'date'],
	['people', 'integer'],
	['hours', 'integer'],
	['euros_public', 'numeric'],
	['euros_own', 'numeric'],
	['euros_other', 'numeric'],
	['outputs', 'text'],
	['indicators', 'jsonb'],
	['verification_how', 'text'],
	['verification_by', 'text'],
	['verification_on', 'date'],
	['commitment_ids', 'uuid[]'],
	['revises_id', 'uuid']
];

/** The columns as read back: dates and enums as text, so rows compare with what the projection builds. */
export const selectList = (columns: Columns): string =>
	['id', ...columns.map(([column, type]) => (type === 'date' || type.startsWith('public.') ? `${column}::text as ${column}` : column))].join(', ');

export interface ObjectiveRow {
	id: string;
	level: Objective['level'];
	parent_id: string | null;
	title: string;
	description: string;
	need_ids: string[];
}

export interface ActionRow {
	id: string;
	objective_id: string;
	title: string;
	description: string;
	lead_partner_id: string | null;
	partner_ids: string[];
	system: Action['system'];
	starts_on: string | null;
	ends_on: string | null;
	people: number | null;
	hours: number | null;
	/** numeric comes back from Postgres as a string, exact. */
	euros_public: string | number | null;
	euros_own: string | number | null;
	euros_other: string | number | null;
	outputs: string;
	indicators: Indicator[];
	verification_how: string;
	verification_by: string;
	verification_on: string | null;
	commitment_ids: string[];
	revises_id: string | null;
}

export function objectiveRow(objective: Objective): ObjectiveRow {
	return {
		id: objective.id,
		level: objective.level,
		parent_id: objective.parentId,
		title: objective.title,
		description: objective.description,
		need_ids: objective.needIds
	};
}

export function objectiveOfRow(row: ObjectiveRow): Objective {
	return { id: row.id, level: row.level, parentId: row.parent_id, title: row.title, description: row.description, needIds: row.need_ids };
}

export function actionRow(action: Action): ActionRow {
	return {
		id: action.id,
		objective_id: action.objectiveId,
		title: action.title,
		description: action.description,
		lead_partner_id: action.leadPartnerId || null,
		partner_ids: action.partnerIds,
		system: action.system,
		starts_on: action.from,
		ends_on: action.to,
		people: action.people,
		hours: action.hours,
		euros_public: action.eurosPublic,
		euros_own: action.eurosOwn,
		euros_other: action.eurosOther,
		outputs: action.outputs,
		indicators: action.indicators,
		verification_how: action.verificationHow,
		verification_by: action.verificationBy,
		verification_on: action.verificationOn,
		commitment_ids: action.commitmentIds,
		revises_id: action.revisesId
	};
}

const money = (value: string | number | null): number | null => (value === null ? null : Number(value));

/** The action a row holds; a removed partner's action names no lead (''). */
export function actionOfRow(row: ActionRow): Action {
	return {
		id: row.id,
		objectiveId: row.objective_id,
		title: row.title,
		description: row.description,
		leadPartnerId: row.lead_partner_id ?? '',
		partnerIds: row.partner_ids,
		system: row.system,
		from: row.starts_on,
		to: row.ends_on,
		people: row.people,
		hours: row.hours,
		eurosPublic: money(row.euros_public),
		eurosOwn: money(row.euros_own),
		eurosOther: money(row.euros_other),
		outputs: row.outputs,
		indicators: row.indicators.map(({ id, name, baseline, target, unit }) => ({ id, name, baseline, target, unit })),
		verificationHow: row.verification_how,
		verificationBy: row.verification_by,
		verificationOn: row.verification_on,
		commitmentIds: row.commitment_ids,
		revisesId: row.revises_id
	};
}
