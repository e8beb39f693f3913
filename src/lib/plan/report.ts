// A plan's monitoring report, ready to attach to a public body's act: where
// the whole plan stands, what is late and which verifications are overdue,
// then per objective and action the status, the percentage, the indicators
// against their targets (baseline → latest → target), the latest updates and
// the verifications. First a content model (pure data, tested on its own),
// then written as ProseMirror JSON, which the PDF and DOCX writers read.
import { TIME_ZONE, formatDate } from '../dates.ts';
import { translate, type Locale, type MessageKey } from '../i18n/translate.ts';
import { formatCount, formatDay, itemsTable, lines, paragraph, type TableColumns } from '../documents/commitments-table.ts';
import { heading } from '../documents/plan-table.ts';
import type { DocNode } from '../documents/json.ts';
import type { Action, Objective, ProgressUpdate, Verification } from './plan.ts';
import { actionStates, objectiveRollups, rollup, type ActionState, type IndicatorState, type Rollup } from './rollup.ts';
import { inOutline, objectiveTitles, partnerNamer, planTable, type PlanTable } from './export-rows.ts';

/** How many of an action's updates the report shows, newest first: the story of the last months, not every line. */
export const UPDATES_SHOWN = 3;

/** A yyyy-mm-dd day in Rome, where the networks are: an export made at 00:30 is not dated the day before. */
export const romeDay = (at: Date | string): string => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(at));

/** What a report is made from, read as the person (server/plan/export-source.ts). */
export interface PlanReportSource {
	networkName: string;
	title: string;
	objectives: Objective[];
	actions: Action[];
	updates: ProgressUpdate[];
	verifications: Verification[];
	partners: ReadonlyMap<string, string>;
	now: Date;
	/** `now` as a day in Rome: what "late" is measured against. */
	today: string;
}

export interface ActionReport {
	state: ActionState;
	lead: string;
	/** The latest updates, newest first, at most UPDATES_SHOWN. */
	updates: ProgressUpdate[];
}

export interface ObjectiveReport {
	/** Null for the actions whose objective is no longer in the plan. */
	objective: Objective | null;
	rollup: Rollup;
	actions: ActionReport[];
}

export interface PlanReport {
	networkName: string;
	title: string;
	today: string;
	now: Date;
	summary: Rollup;
	late: ActionReport[];
	verificationsDue: ActionReport[];
	objectives: ObjectiveReport[];
}

export function planReport(source: PlanReportSource, locale: Locale): PlanReport {
	const states = actionStates(source.actions, source.updates, source.verifications, source.today);
	const partner = partnerNamer(locale, source.partners);
	const updatesOf = Map.groupBy(
		[...source.updates].sort((a, b) => b.postedAt.localeCompare(a.postedAt) || a.id.localeCompare(b.id)),
		(update) => update.actionId
	);
	const reports = states.map(
		(state): ActionReport => ({
			state,
			lead: state.action.leadPartnerId ? partner(state.action.leadPartnerId) : '',
			updates: (updatesOf.get(state.action.id) ?? []).slice(0, UPDATES_SHOWN)
		})
	);
	const rollups = objectiveRollups(source.objectives, states);
	const byObjective = Map.groupBy(reports, (report) => report.state.action.objectiveId);
	const known = new Set(source.objectives.map((objective) => objective.id));
	const orphans = reports.filter((report) => !known.has(report.state.action.objectiveId));
	return {
		networkName: source.networkName,
		title: source.title,
		today: source.today,
		now: source.now,
		summary: rollup(states),
		late: reports.filter((report) => report.state.late),
		verificationsDue: reports.filter((report) => report.state.verificationDue),
		objectives: [
			...inOutline(source.objectives).map((objective) => ({ objective, rollup: rollups.get(objective.id)!, actions: byObjective.get(objective.id) ?? [] })),
			...(orphans.length ? [{ objective: null, rollup: rollup(orphans.map((report) => report.state)), actions: orphans }] : [])
		]
	};
}

/** What every report's first page and foot say: which network, which document, as of when. */
export function reportFacts(report: PlanReport, locale: Locale): { label: string; value: string }[] {
	return [
		{ label: translate(locale, 'export.network'), value: report.networkName },
		{ label: translate(locale, 'planExport.document'), value: report.title },
		{ label: translate(locale, 'planExport.reportDate'), value: formatDate(locale, report.now) }
	];
}

export const reportFooter = (report: PlanReport, locale: Locale) =>
	translate(locale, 'planExport.footer', { network: report.networkName, title: report.title, date: formatDate(locale, report.now) });

const percentText = (value: number | null) => (value === null ? '' : `${Math.round(value * 100)}%`);

/** The report as a document: a summary, what to follow up, then each objective and its actions. */
export function reportJson(report: PlanReport, objectives: readonly Objective[], locale: Locale): DocNode {
	const say = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
	const day = (iso: string) => formatDay(locale, romeDay(iso));
	const number = (n: number | null) => (n === null ? say('planExport.noValue') : formatCount(locale, n));
	const titles = objectiveTitles(objectives, locale);
	const indicatorCols: TableColumns<IndicatorState> = [
		['planExport.indicatorCol', (i) => lines([`${i.indicator.name} (${i.indicator.unit})`])],
		['planExport.baseline', (i) => lines([number(i.indicator.baseline)])],
		['planExport.current', (i) => lines([number(i.current)])],
		['planExport.target', (i) => lines([number(i.indicator.target)])],
		['planExport.reached', (i) => lines([percentText(i.reached)])]
	];
	const { summary } = report;
	const marks = ({ state }: ActionReport) => [state.late && say('planExport.lateMark'), state.verificationDue && say('planExport.dueMark')].filter(Boolean);

	function action(entry: ActionReport): DocNode[] {
		const { state } = entry;
		const status = say('planExport.actionStatus', { status: say(`planExport.status.${state.status}`), percent: state.percent });
		return [
			heading(4, state.action.title),
			paragraph([status, ...marks(entry)].join(' · '), true),
			...lines([entry.lead && say('planExport.leadLine', { name: entry.lead })]),
			...(state.indicators.length ? [heading(5, say('planExport.indicators')), itemsTable(locale, indicatorCols, state.indicators)] : []),
			heading(5, say('planExport.updates')),
			...(entry.updates.length
				? entry.updates.flatMap((update) => [
						paragraph(
							say('planExport.updateLine', {
								date: day(update.postedAt),
								who: update.postedByName || say('planExport.someone'),
								status: say(`planExport.status.${update.status}`),
								percent: update.percent === null ? '' : ` · ${update.percent}%`
							})
						),
						...lines([update.note])
					])
				: [paragraph(say('planExport.noUpdates'))]),
			...(state.verifications.length
				? [
						heading(5, say('planExport.verifications')),
						...state.verifications.flatMap((verification) => [
							paragraph(
								say('planExport.verificationRecorded', {
									date: day(verification.recordedAt),
									verdict: say(`planExport.verdict.${verification.verdict}`),
									who: verification.recordedByName || say('planExport.someone')
								}),
								true
							),
							...lines([
								verification.reason && say('planExport.why', { reason: verification.reason }),
								verification.nextStep && say('planExport.next', { next: verification.nextStep })
							])
						])
					]
				: [])
		];
	}

	const attention = [
		heading(2, say('planExport.attention')),
		heading(3, say('planExport.lateActions')),
		...(report.late.length
			? lines(report.late.map(({ state, lead }) => say('planExport.lateLine', { action: state.action.title, date: formatDay(locale, state.action.to!), lead })))
			: [paragraph(say('planExport.nothingLate'))]),
		heading(3, say('planExport.dueVerifications')),
		...(report.verificationsDue.length
			? lines(
					report.verificationsDue.map(({ state }) =>
						say('planExport.dueLine', { action: state.action.title, date: formatDay(locale, state.action.verificationOn!), by: state.action.verificationBy })
					)
				)
			: [paragraph(say('planExport.nothingDue'))])
	];

	return {
		type: 'doc',
		content: [
			heading(2, say('planExport.summary')),
			paragraph(say('planExport.summaryLine', { actions: summary.actions, percent: summary.percent, ...summary.byStatus })),
			paragraph(say('planExport.summaryIndicators', { indicators: summary.indicators, reached: summary.indicatorsReached })),
			...attention,
			...report.objectives.flatMap(({ objective, rollup: own, actions }) => {
				const parent = objective?.level === 'specific' ? titles(objective.id).general : '';
				return [
					heading(objective?.level === 'specific' ? 3 : 2, objective?.title ?? say('planExport.unknownObjective')),
					...lines([parent && `${say('planExport.col.generalObjective')}: ${parent}`]),
					paragraph(say('planExport.objectiveLine', { percent: own.percent, actions: own.actions, late: own.late, due: own.verificationsDue })),
					...(actions.length ? actions.flatMap(action) : [paragraph(say('planExport.noActions'))])
				];
			})
		]
	};
}

/** The plan's one-row-per-action table (export-rows.ts) from the same source as the report. */
export const planTableOf = (source: PlanReportSource, locale: Locale): PlanTable =>
	planTable({
		objectives: source.objectives,
		states: actionStates(source.actions, source.updates, source.verifications, source.today),
		partners: source.partners,
		locale
	});
