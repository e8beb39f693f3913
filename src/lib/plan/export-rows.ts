// A plan as the table a public body's officer opens in a spreadsheet: one row
// per action, with its objective (and the general one above it), who, when,
// with what, how it is measured and verified, and where it stands. One model
// for the CSV and the XLSX, so both files say the same; each writer only
// decides how a kind of cell is written.
import { translate, type Locale, type MessageKey } from '../i18n/translate.ts';
import type { Objective } from './plan.ts';
import type { ActionState } from './rollup.ts';
import { formatCount } from '../documents/commitments-table.ts';

/** How a column's values are written: words, a count, an amount in euro, a day (yyyy-mm-dd), a percentage. */
export type CellKind = 'text' | 'count' | 'euros' | 'day' | 'percent';
export type Cell = string | number | null;

export interface PlanColumn {
	header: string;
	kind: CellKind;
	/** A width in characters, for the XLSX. */
	width: number;
}

export interface PlanTable {
	columns: PlanColumn[];
	rows: Cell[][];
}

export interface PlanTableInput {
	objectives: readonly Objective[];
	/** Every action with where it stands (rollup.ts actionStates), in the plan's order. */
	states: readonly ActionState[];
	/** The network's partners' names by id. */
	partners: ReadonlyMap<string, string>;
	locale: Locale;
}

type ColumnSpec = [MessageKey, CellKind, number, (state: ActionState) => Cell];

/** "Persone accolte: 0 → 12 → 40 persone", one line per indicator: readable in a cell, and searchable. */
export function indicatorLines(locale: Locale, state: ActionState): string[] {
	const value = (n: number | null) => (n === null ? translate(locale, 'planExport.noValue') : formatCount(locale, n));
	return state.indicators.map(({ indicator, current }) =>
		translate(locale, 'planExport.indicator', {
			name: indicator.name,
			baseline: value(indicator.baseline),
			current: value(current),
			target: value(indicator.target),
			unit: indicator.unit
		}).trim()
	);
}

/** A partner's name by id, or a word saying it has left the network (the action stays, marked). */
export const partnerNamer = (locale: Locale, partners: ReadonlyMap<string, string>) => (id: string) =>
	partners.get(id) ?? translate(locale, 'planExport.unknownPartner');

/**
 * The objectives as a reader follows them: each general objective followed by
 * its specific ones, each group in the plan's order; a specific objective
 * whose general one is gone comes last.
 */
export function inOutline(objectives: readonly Objective[]): Objective[] {
	const generals = objectives.filter((objective) => objective.level === 'general' || objective.parentId === null);
	const childrenOf = Map.groupBy(objectives.filter((objective) => !generals.includes(objective)), (objective) => objective.parentId!);
	const outlined = generals.flatMap((general) => [general, ...(childrenOf.get(general.id) ?? [])]);
	return [...outlined, ...objectives.filter((objective) => !outlined.includes(objective))];
}

/** The general objective and the specific one of an action's objective (a general objective's own actions leave the second empty). */
export function objectiveTitles(objectives: readonly Objective[], locale: Locale): (objectiveId: string) => { general: string; specific: string } {
	const byId = new Map(objectives.map((objective) => [objective.id, objective]));
	return (objectiveId) => {
		const objective = byId.get(objectiveId);
		if (!objective) return { general: translate(locale, 'planExport.unknownObjective'), specific: '' };
		if (objective.level === 'general' || objective.parentId === null) return { general: objective.title, specific: '' };
		return { general: byId.get(objective.parentId)?.title ?? translate(locale, 'planExport.unknownObjective'), specific: objective.title };
	};
}

/** Actions grouped as their objectives are outlined (inOutline), the plan's order kept within each; an orphan last. */
function byOutline(objectives: readonly Objective[], states: readonly ActionState[]): ActionState[] {
	const rank = new Map(inOutline(objectives).map((objective, i) => [objective.id, i]));
	const at = (state: ActionState) => rank.get(state.action.objectiveId) ?? rank.size;
	return states.map((state, i) => ({ state, i })).sort((a, b) => at(a.state) - at(b.state) || a.i - b.i).map(({ state }) => state);
}

export function planTable({ objectives, states, partners, locale }: PlanTableInput): PlanTable {
	const say = (key: MessageKey) => translate(locale, key);
	const partner = partnerNamer(locale, partners);
	const titles = objectiveTitles(objectives, locale);
	const yesNo = (value: boolean) => say(value ? 'planExport.yes' : 'planExport.no');
	const total = ({ action }: ActionState) => {
		const sources = [action.eurosPublic, action.eurosOwn, action.eurosOther].filter((euros) => euros !== null);
		// Cents, so that 0.1 + 0.2 is 0.3 in the officer's sum too.
		return sources.length ? sources.reduce((sum, euros) => sum + Math.round(euros * 100), 0) / 100 : null;
	};
	const specs: ColumnSpec[] = [
		['planExport.col.generalObjective', 'text', 30, (s) => titles(s.action.objectiveId).general],
		['planExport.col.objective', 'text', 30, (s) => titles(s.action.objectiveId).specific],
		['planExport.col.action', 'text', 32, (s) => s.action.title],
		['planExport.col.description', 'text', 40, (s) => s.action.description],
		['planExport.col.lead', 'text', 24, (s) => (s.action.leadPartnerId ? partner(s.action.leadPartnerId) : '')],
		['planExport.col.contributors', 'text', 28, (s) => s.action.partnerIds.map(partner).join('\n')],
		['planExport.col.system', 'text', 14, (s) => say(`system.${s.action.system}`)],
		['planExport.col.from', 'day', 12, (s) => s.action.from],
		['planExport.col.to', 'day', 12, (s) => s.action.to],
		['planExport.col.people', 'count', 10, (s) => s.action.people],
		['planExport.col.hours', 'count', 10, (s) => s.action.hours],
		['planExport.col.eurosPublic', 'euros', 16, (s) => s.action.eurosPublic],
		['planExport.col.eurosOwn', 'euros', 16, (s) => s.action.eurosOwn],
		['planExport.col.eurosOther', 'euros', 16, (s) => s.action.eurosOther],
		['planExport.col.eurosTotal', 'euros', 16, total],
		['planExport.col.outputs', 'text', 36, (s) => s.action.outputs],
		['planExport.col.indicators', 'text', 44, (s) => indicatorLines(locale, s).join('\n')],
		['planExport.col.verificationHow', 'text', 30, (s) => s.action.verificationHow],
		['planExport.col.verificationBy', 'text', 22, (s) => s.action.verificationBy],
		['planExport.col.verificationOn', 'day', 12, (s) => s.action.verificationOn],
		['planExport.col.status', 'text', 14, (s) => say(`planExport.status.${s.status}`)],
		['planExport.col.percent', 'percent', 12, (s) => s.percent],
		['planExport.col.updatedAt', 'day', 14, (s) => s.latest?.postedAt.slice(0, 10) ?? null],
		['planExport.col.late', 'text', 10, (s) => yesNo(s.late)],
		['planExport.col.verificationDue', 'text', 12, (s) => yesNo(s.verificationDue)],
		['planExport.col.lastVerdict', 'text', 18, (s) => (s.verifications[0] ? say(`planExport.verdict.${s.verifications[0].verdict}`) : '')],
		['planExport.col.id', 'text', 38, (s) => s.action.id]
	];
	return {
		columns: specs.map(([key, kind, width]) => ({ header: say(key), kind, width })),
		rows: byOutline(objectives, states).map((state) => specs.map(([, , , value]) => value(state)))
	};
}
