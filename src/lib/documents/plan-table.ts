// A co-design document's exports (Markdown, DOCX, print) carry its plan after
// the narrative text, as a pact's carry its commitments (commitments-table.ts):
// each objective, then a table of its actions — what, who, when, how success
// is measured and verified. Written as ProseMirror JSON, which every export reads.
import { translate, type Locale, type MessageKey } from '../i18n/translate.ts';
import type { Action, Objective } from '../plan/plan.ts';
import { inOutline } from '../plan/export-rows.ts';
import { formatCount, formatDay, formatPeriod, itemsTable, lines, paragraph, textNode, type TableColumns } from './commitments-table.ts';
import type { DocNode } from './json.ts';

export const heading = (level: number, text: string): DocNode => ({ type: 'heading', attrs: { level }, content: text ? [textNode(text)] : [] });

/** An indicator as a line: "Persone accolte: da 0 a 40 persone" reads as "name: baseline → target unit". */
function indicatorLine(locale: Locale, { name, baseline, target, unit }: Action['indicators'][number]): string {
	const value = (n: number | null) => (n === null ? translate(locale, 'planExport.noValue') : formatCount(locale, n));
	return `${name}: ${value(baseline)} → ${value(target)} ${unit}`.trim();
}

/** The actions' columns in a document: what a reader of the plan needs, the follow-up aside. */
export function actionColumns(locale: Locale, partners: ReadonlyMap<string, string>): TableColumns<Action> {
	const say = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
	const partner = (id: string) => partners.get(id) ?? say('planExport.unknownPartner');
	return [
		['planExport.col.action', (a) => [paragraph(a.title, true), ...lines([a.description, a.outputs])]],
		[
			'planExport.col.who',
			(a) =>
				lines([
					a.leadPartnerId ? say('planExport.leadLine', { name: partner(a.leadPartnerId) }) : '',
					a.partnerIds.length ? say('planExport.contributorsLine', { names: a.partnerIds.map(partner).join(', ') }) : ''
				])
		],
		['planExport.col.when', (a) => lines([formatPeriod(locale, a.from, a.to)])],
		['planExport.col.indicators', (a) => lines(a.indicators.map((indicator) => indicatorLine(locale, indicator)))],
		[
			'planExport.col.verification',
			(a) => lines([a.verificationHow, a.verificationBy, a.verificationOn ? formatDay(locale, a.verificationOn) : ''])
		]
	];
}

/**
 * The plan's heading, then each objective in the plan's order (a general
 * objective before its specific ones) with its description and its actions'
 * table; nothing when the plan is empty.
 */
export function planSection(objectives: readonly Objective[], actions: readonly Action[], partners: ReadonlyMap<string, string>, locale: Locale): DocNode[] {
	if (objectives.length === 0 && actions.length === 0) return [];
	const cols = actionColumns(locale, partners);
	const actionsOf = Map.groupBy(actions, (action) => action.objectiveId);
	const known = new Set(objectives.map((objective) => objective.id));
	// An action whose objective was deleted still shows, under a heading that says so.
	const orphans = actions.filter((action) => !known.has(action.objectiveId));
	const groups: [string, string, number, readonly Action[]][] = [
		...inOutline(objectives).map((o): [string, string, number, readonly Action[]] => [o.title, o.description, o.level === 'general' ? 3 : 4, actionsOf.get(o.id) ?? []]),
		...(orphans.length ? [[translate(locale, 'planExport.unknownObjective'), '', 3, orphans] as [string, string, number, readonly Action[]]] : [])
	];
	return [
		heading(2, translate(locale, 'planExport.plan')),
		...groups.flatMap(([title, description, level, own]) => [
			heading(level, title),
			...lines([description]),
			...(own.length ? [itemsTable(locale, cols, own)] : [])
		])
	];
}

/** `json` followed by its plan; unchanged when there is none. */
export function withPlan(json: DocNode, objectives: readonly Objective[], actions: readonly Action[], partners: ReadonlyMap<string, string>, locale: Locale): DocNode {
	const section = planSection(objectives, actions, partners, locale);
	return section.length ? { ...json, content: [...(json.content ?? []), ...section] } : json;
}
