// The plan's forms hold what people type, as text ("1.200" hours, "4.500,50"
// euros, dates from date fields); the plan's Yjs state holds objectives and
// actions. This module turns one into the other through the plan's one check
// (check.ts), says which field (and which indicator's which box) each problem
// belongs to, and names the fields a save changes, so a save never
// overwrites what someone else changed meanwhile in the fields left alone.
import { intlLocale } from '../dates.ts';
import type { Locale } from '../i18n/translate.ts';
import { readNumber, type NumberKind } from '../map/numbers.ts';
import { sameValue } from '../structured/kind.ts';
import type { ItemPatch } from '../structured/items-doc.ts';
import { checkAction, checkObjective, type PlanProblem } from './check.ts';
import { ACTION_FIELDS, OBJECTIVE_FIELDS, type Action, type ActionField, type Indicator, type Objective, type ObjectiveField } from './plan.ts';

export interface ObjectiveFormValues {
	level: Objective['level'];
	/** '' for none. */
	parentId: string;
	title: string;
	description: string;
	needIds: string[];
}

export interface IndicatorFormValues {
	id: string;
	name: string;
	baseline: string;
	target: string;
	unit: string;
}

export type ActionFormValues = {
	[F in Exclude<ActionField, 'indicators'>]: Action[F] extends string[] ? string[] : string;
} & { indicators: IndicatorFormValues[] };

/** A number as the form shows it: no thousands separator, the language's decimal one ("4500,5"). */
function typed(value: number | null, locale: Locale): string {
	if (value === null) return '';
	return new Intl.NumberFormat(intlLocale(locale), { useGrouping: false, maximumFractionDigits: 2 }).format(value);
}

export function objectiveFormValues(objective: Objective): ObjectiveFormValues {
	return { ...objective, parentId: objective.parentId ?? '', needIds: [...objective.needIds] };
}

export function indicatorFormValues(indicator: Indicator, locale: Locale): IndicatorFormValues {
	return { ...indicator, baseline: typed(indicator.baseline, locale), target: typed(indicator.target, locale) };
}

export function actionFormValues(action: Action, locale: Locale): ActionFormValues {
	return {
		...action,
		partnerIds: [...action.partnerIds],
		commitmentIds: [...action.commitmentIds],
		from: action.from ?? '',
		to: action.to ?? '',
		verificationOn: action.verificationOn ?? '',
		revisesId: action.revisesId ?? '',
		people: typed(action.people, locale),
		hours: typed(action.hours, locale),
		eurosPublic: typed(action.eurosPublic, locale),
		eurosOwn: typed(action.eurosOwn, locale),
		eurosOther: typed(action.eurosOther, locale),
		indicators: action.indicators.map((indicator) => indicatorFormValues(indicator, locale))
	};
}

export type FromForm<T, Field extends string> = { item: T; problems: [] } | { item: null; problems: PlanProblem<Field>[] };

export function objectiveFromForm(id: string, values: ObjectiveFormValues): FromForm<Objective, ObjectiveField> {
	// A general objective has no parent, whatever the parent box kept from before the level changed.
	return checkObjective({ ...values, id, parentId: values.level === 'general' ? null : values.parentId || null });
}

/** A typed number, read as Italian and English write them: a number, null when blank, the text itself when it is not one. */
const number = (value: string, kind: NumberKind) => readNumber(value, kind);

export function actionFromForm(id: string, values: ActionFormValues): FromForm<Action, ActionField> {
	return checkAction({
		...values,
		id,
		people: number(values.people, 'integer'),
		hours: number(values.hours, 'integer'),
		eurosPublic: number(values.eurosPublic, 'decimal'),
		eurosOwn: number(values.eurosOwn, 'decimal'),
		eurosOther: number(values.eurosOther, 'decimal'),
		indicators: values.indicators.map((indicator) => ({
			...indicator,
			baseline: number(indicator.baseline, 'decimal'),
			target: number(indicator.target, 'decimal')
		}))
	});
}

/** The first problem of each field, as the form shows them; a bad id is said at the title. Indicators' problems are apart. */
export function problemsByField<Field extends string>(problems: PlanProblem<Field>[]): Partial<Record<Field, PlanProblem<Field>>> {
	const byField: Partial<Record<Field, PlanProblem<Field>>> = {};
	for (const problem of problems) {
		if (problem.index !== undefined) continue;
		byField[problem.field === 'id' ? ('title' as Field) : problem.field] ??= problem;
	}
	return byField;
}

export type IndicatorBox = 'name' | 'baseline' | 'target' | 'unit';

/** Each indicator's problems, by its place in the list and the box they belong to. */
export function indicatorProblems(problems: PlanProblem<ActionField>[], indicators: IndicatorFormValues[]): Map<number, Partial<Record<IndicatorBox, PlanProblem<ActionField>>>> {
	const byIndex = new Map<number, Partial<Record<IndicatorBox, PlanProblem<ActionField>>>>();
	for (const problem of problems) {
		if (problem.index === undefined) continue;
		const typedIn = indicators[problem.index];
		const box: IndicatorBox =
			problem.code === 'unit_required' || (problem.code === 'too_long' && problem.value !== undefined)
				? 'unit'
				: problem.code === 'not_a_number' || problem.code === 'out_of_range'
					? String(readNumber(typedIn?.baseline ?? '', 'decimal')) === problem.value
						? 'baseline'
						: 'target'
					: 'name';
		const own = byIndex.get(problem.index) ?? {};
		own[box] ??= problem;
		byIndex.set(problem.index, own);
	}
	return byIndex;
}

function changed<T extends { id: string }>(fields: readonly (keyof T)[], before: T, after: T): ItemPatch<T> {
	const patch: Partial<T> = {};
	for (const field of fields) if (!sameValue(before[field], after[field])) patch[field] = after[field];
	return patch as ItemPatch<T>;
}

/** The fields whose value `after` changes from `before`: what a save writes. */
export const changedObjectiveFields = (before: Objective, after: Objective) => changed<Objective>(OBJECTIVE_FIELDS, before, after);
export const changedActionFields = (before: Action, after: Action) => changed<Action>(ACTION_FIELDS, before, after);
