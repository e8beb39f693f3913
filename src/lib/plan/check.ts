// One check of a plan's objectives and actions, wherever they come from: a
// person's form, an import, or the document's Yjs state (which any client
// can write, so every reader and the server check it again). Each answers
// the item tidied, or every problem found, so a form marks every field.
import { isUuid } from '../uuid.ts';
import { SYSTEMS, type NetworkSystem } from '../domain.ts';
import { amountProblem, cents, idList, isIsoDate, text, type AmountProblem } from '../structured/check-fields.ts';
import { OBJECTIVE_LEVELS, PLAN_LIMITS as LIMITS, type Action, type ActionField, type Indicator, type Objective, type ObjectiveField, type ObjectiveLevel } from './plan.ts';

export type PlanProblemCode =
	| 'required'
	| 'too_long'
	| 'unknown_level'
	| 'unknown_system'
	| AmountProblem
	| 'not_a_date'
	| 'ends_before_start'
	| 'too_many'
	| 'bad_id'
	| 'general_has_parent'
	| 'specific_without_parent'
	| 'own_parent'
	| 'lead_contributes'
	| 'unit_required'
	| 'revises_itself';

export interface PlanProblem<Field extends string> {
	field: Field | 'id';
	code: PlanProblemCode;
	/** The offending value, as given, when there is one to show. */
	value?: string;
	/** For a problem of one indicator: its place in the list, from 0. */
	index?: number;
}

export type Checked<T, Field extends string> = { item: T; problems: [] } | { item: null; problems: PlanProblem<Field>[] };

const optionalId = (value: unknown): string | null => text(value).toLowerCase() || null;

function checkId<Field extends string>(raw: unknown, problems: PlanProblem<Field>[]): string {
	const id = text(raw);
	if (!isUuid(id)) problems.push({ field: 'id', code: 'bad_id', value: id });
	return id.toLowerCase();
}

function checkTitle<Field extends string>(raw: unknown, field: Field, problems: PlanProblem<Field>[]): string {
	const title = text(raw);
	if (!title) problems.push({ field, code: 'required' });
	else if (title.length > LIMITS.title) problems.push({ field, code: 'too_long' });
	return title;
}

function checkLinks<Field extends string>(raw: unknown, field: Field, problems: PlanProblem<Field>[]): string[] {
	const links = idList(raw);
	if (links.length > LIMITS.links) problems.push({ field, code: 'too_many' });
	for (const value of links) if (!isUuid(value)) problems.push({ field, code: 'bad_id', value });
	return links;
}

function checkLength<Field extends string>(value: string, limit: number, field: Field, problems: PlanProblem<Field>[]): string {
	if (value.length > limit) problems.push({ field, code: 'too_long' });
	return value;
}

export function checkObjective(raw: Record<string, unknown>): Checked<Objective, ObjectiveField> {
	const problems: PlanProblem<ObjectiveField>[] = [];
	const id = checkId(raw.id, problems);
	const level = raw.level as ObjectiveLevel;
	if (!OBJECTIVE_LEVELS.includes(level)) problems.push({ field: 'level', code: raw.level ? 'unknown_level' : 'required', value: String(raw.level ?? '') });
	const parentId = optionalId(raw.parentId);
	if (parentId !== null && !isUuid(parentId)) problems.push({ field: 'parentId', code: 'bad_id', value: parentId });
	else if (level === 'general' && parentId) problems.push({ field: 'parentId', code: 'general_has_parent' });
	else if (level === 'specific' && !parentId) problems.push({ field: 'parentId', code: 'specific_without_parent' });
	else if (parentId && parentId === id) problems.push({ field: 'parentId', code: 'own_parent' });
	const title = checkTitle(raw.title, 'title', problems);
	const description = checkLength(text(raw.description), LIMITS.description, 'description', problems);
	const needIds = checkLinks(raw.needIds, 'needIds', problems);
	if (problems.length > 0) return { item: null, problems };
	return { item: { id, level, parentId, title, description, needIds }, problems: [] };
}

function checkIndicators(raw: unknown, problems: PlanProblem<ActionField>[]): Indicator[] {
	const list = Array.isArray(raw) ? raw : [];
	if (list.length > LIMITS.indicators) problems.push({ field: 'indicators', code: 'too_many' });
	return list.map((value, index) => {
		const indicator = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
		const id = text(indicator.id);
		if (!isUuid(id)) problems.push({ field: 'indicators', code: 'bad_id', value: id, index });
		const name = text(indicator.name);
		if (!name) problems.push({ field: 'indicators', code: 'required', index });
		else if (name.length > LIMITS.indicatorName) problems.push({ field: 'indicators', code: 'too_long', index });
		const unit = text(indicator.unit);
		if (!unit) problems.push({ field: 'indicators', code: 'unit_required', index });
		else if (unit.length > LIMITS.unit) problems.push({ field: 'indicators', code: 'too_long', value: unit, index });
		for (const measure of ['baseline', 'target'] as const) {
			const given = indicator[measure] ?? null;
			if (given === null) continue;
			if (typeof given !== 'number' || !Number.isFinite(given)) problems.push({ field: 'indicators', code: 'not_a_number', value: String(given), index });
			else if (Math.abs(given) > LIMITS.measure) problems.push({ field: 'indicators', code: 'out_of_range', value: String(given), index });
		}
		return {
			id: id.toLowerCase(),
			name,
			baseline: (indicator.baseline ?? null) as number | null,
			target: (indicator.target ?? null) as number | null,
			unit
		};
	});
}

export function checkAction(raw: Record<string, unknown>): Checked<Action, ActionField> {
	const problems: PlanProblem<ActionField>[] = [];
	const id = checkId(raw.id, problems);

	const objectiveId = text(raw.objectiveId).toLowerCase();
	if (!objectiveId) problems.push({ field: 'objectiveId', code: 'required' });
	else if (!isUuid(objectiveId)) problems.push({ field: 'objectiveId', code: 'bad_id', value: objectiveId });

	const title = checkTitle(raw.title, 'title', problems);
	const description = checkLength(text(raw.description), LIMITS.description, 'description', problems);
	const outputs = checkLength(text(raw.outputs), LIMITS.outputs, 'outputs', problems);
	const verificationHow = checkLength(text(raw.verificationHow), LIMITS.verification, 'verificationHow', problems);
	const verificationBy = checkLength(text(raw.verificationBy), LIMITS.verification, 'verificationBy', problems);

	const leadPartnerId = text(raw.leadPartnerId).toLowerCase();
	if (!leadPartnerId) problems.push({ field: 'leadPartnerId', code: 'required' });
	else if (!isUuid(leadPartnerId)) problems.push({ field: 'leadPartnerId', code: 'bad_id', value: leadPartnerId });
	const partnerIds = checkLinks(raw.partnerIds, 'partnerIds', problems);
	if (leadPartnerId && partnerIds.includes(leadPartnerId)) problems.push({ field: 'partnerIds', code: 'lead_contributes' });

	if (!SYSTEMS.includes(raw.system as NetworkSystem)) {
		problems.push({ field: 'system', code: raw.system ? 'unknown_system' : 'required', value: String(raw.system ?? '') });
	}

	const dates = { from: text(raw.from) || null, to: text(raw.to) || null, verificationOn: text(raw.verificationOn) || null };
	for (const field of ['from', 'to', 'verificationOn'] as const) {
		const value = dates[field];
		if (value !== null && !isIsoDate(value)) problems.push({ field, code: 'not_a_date', value });
	}
	if (dates.from && dates.to && isIsoDate(dates.from) && isIsoDate(dates.to) && dates.to < dates.from) {
		problems.push({ field: 'to', code: 'ends_before_start', value: dates.to });
	}

	const amounts = {
		people: [LIMITS.people, 'count'],
		hours: [LIMITS.hours, 'count'],
		eurosPublic: [LIMITS.euros, 'money'],
		eurosOwn: [LIMITS.euros, 'money'],
		eurosOther: [LIMITS.euros, 'money']
	} as const;
	for (const [field, [limit, kind]] of Object.entries(amounts) as [keyof typeof amounts, (typeof amounts)[keyof typeof amounts]][]) {
		const code = amountProblem(raw[field], limit, kind);
		if (code) problems.push({ field, code, value: String(raw[field]) });
	}

	const indicators = checkIndicators(raw.indicators, problems);
	const commitmentIds = checkLinks(raw.commitmentIds, 'commitmentIds', problems);
	const revisesId = optionalId(raw.revisesId);
	if (revisesId !== null && !isUuid(revisesId)) problems.push({ field: 'revisesId', code: 'bad_id', value: revisesId });
	else if (revisesId && revisesId === id) problems.push({ field: 'revisesId', code: 'revises_itself' });

	if (problems.length > 0) return { item: null, problems };
	const amount = (field: keyof typeof amounts) => (raw[field] ?? null) as number | null;
	return {
		item: {
			id,
			objectiveId,
			title,
			description,
			leadPartnerId,
			partnerIds,
			system: raw.system as NetworkSystem,
			...dates,
			people: amount('people'),
			hours: amount('hours'),
			eurosPublic: cents(amount('eurosPublic')),
			eurosOwn: cents(amount('eurosOwn')),
			eurosOther: cents(amount('eurosOther')),
			outputs,
			indicators,
			verificationHow,
			verificationBy,
			commitmentIds,
			revisesId
		},
		problems: []
	};
}
