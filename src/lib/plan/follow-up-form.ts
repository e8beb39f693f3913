// What the action page's two forms send, read and checked at the edge: a
// progress update (status, percentage, the indicators' new values, a note)
// and a verification (verdict, why, what changes next, and whether to open a
// revised action). Each answers the values to write, or every problem beside
// its field; the database checks the same limits again.
import { isUuid } from '../uuid.ts';
import { ACTION_STATUSES, PLAN_LIMITS, VERDICTS, type ActionStatus, type Indicator, type Verdict } from './plan.ts';

/** The longest note, reason or next step: as plan_progress and plan_verifications hold them. */
export const FOLLOW_UP_TEXT_MAX = 4000;

/** The form field of an indicator's new value. */
export const indicatorField = (indicatorId: string) => `indicator-${indicatorId}`;

export type FollowUpProblem =
	| 'planFollowUp.error.statusRequired'
	| 'planFollowUp.error.percentNumber'
	| 'planFollowUp.error.percentRange'
	| 'planFollowUp.error.valueNumber'
	| 'planFollowUp.error.valueRange'
	| 'planFollowUp.error.tooLong'
	| 'planFollowUp.error.verdictRequired'
	| 'planFollowUp.error.reasonRequired'
	| 'planFollowUp.error.titleRequired'
	| 'planFollowUp.error.titleTooLong'
	| 'planFollowUp.error.formExpired';

type Problems = Record<string, FollowUpProblem>;

const text = (form: FormData, name: string): string => {
	const value = form.get(name);
	return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
};

/** A number as people write it here: "12", "-3", "12,5" or "12.5". */
function readNumber(typed: string): number | null {
	if (!/^[-+]?\d+([.,]\d+)?$/.test(typed)) return null;
	return Number(typed.replace(',', '.'));
}

function checkLength(value: string, field: string, problems: Problems): string {
	if (value.length > FOLLOW_UP_TEXT_MAX) problems[field] = 'planFollowUp.error.tooLong';
	return value;
}

export interface ProgressInput {
	status: ActionStatus;
	percent: number | null;
	indicatorValues: Record<string, number>;
	note: string;
}

/** The progress form of an action with these indicators. */
export function readProgressForm(form: FormData, indicators: readonly Indicator[]): { input: ProgressInput; problems: null } | { input: null; problems: Problems } {
	const problems: Problems = {};
	const status = text(form, 'status') as ActionStatus;
	if (!ACTION_STATUSES.includes(status)) problems.status = 'planFollowUp.error.statusRequired';
	const typedPercent = text(form, 'percent');
	let percent: number | null = null;
	if (typedPercent !== '') {
		const read = readNumber(typedPercent.replace(/%$/, '').trim());
		if (read === null || !Number.isInteger(read)) problems.percent = 'planFollowUp.error.percentNumber';
		else if (read < 0 || read > 100) problems.percent = 'planFollowUp.error.percentRange';
		else percent = read;
	}
	const indicatorValues: Record<string, number> = {};
	for (const indicator of indicators) {
		const field = indicatorField(indicator.id);
		const typed = text(form, field);
		if (typed === '') continue;
		const read = readNumber(typed);
		if (read === null) problems[field] = 'planFollowUp.error.valueNumber';
		else if (Math.abs(read) > PLAN_LIMITS.measure) problems[field] = 'planFollowUp.error.valueRange';
		else indicatorValues[indicator.id] = read;
	}
	const note = checkLength(text(form, 'note'), 'note', problems);
	if (Object.keys(problems).length > 0) return { input: null, problems };
	return { input: { status, percent, indicatorValues, note }, problems: null };
}

export interface VerificationInput {
	/** Chosen when the form was drawn, so sending it twice records it once. */
	id: string;
	verdict: Verdict;
	reason: string;
	nextStep: string;
	/** The revised action to open, with the id and title the form chose; null for none. */
	revised: { id: string; title: string } | null;
}

export function readVerificationForm(form: FormData): { input: VerificationInput; problems: null } | { input: null; problems: Problems } {
	const problems: Problems = {};
	const id = text(form, 'verificationId').toLowerCase();
	const revisedId = text(form, 'revisedId').toLowerCase();
	const revise = form.get('revise') === 'on';
	if (!isUuid(id) || (revise && !isUuid(revisedId))) problems.form = 'planFollowUp.error.formExpired';
	const verdict = text(form, 'verdict') as Verdict;
	if (!VERDICTS.includes(verdict)) problems.verdict = 'planFollowUp.error.verdictRequired';
	const reason = checkLength(text(form, 'reason'), 'reason', problems);
	if (!reason) problems.reason = 'planFollowUp.error.reasonRequired';
	const nextStep = checkLength(text(form, 'nextStep'), 'nextStep', problems);
	const title = text(form, 'revisedTitle');
	if (revise && !title) problems.revisedTitle = 'planFollowUp.error.titleRequired';
	else if (revise && title.length > PLAN_LIMITS.title) problems.revisedTitle = 'planFollowUp.error.titleTooLong';
	if (Object.keys(problems).length > 0) return { input: null, problems };
	return { input: { id, verdict, reason, nextStep, revised: revise ? { id: revisedId, title } : null }, problems: null };
}

/** The title a revised action starts with: the old one, marked, within the limit. */
export function revisedTitle(title: string, mark: string): string {
	const suffix = ` (${mark})`;
	return title.slice(0, PLAN_LIMITS.title - suffix.length) + suffix;
}
