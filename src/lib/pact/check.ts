// One check of a commitment, wherever it comes from: a person's form, a
// proposal, or the pact's Yjs state (which any client can write, so every
// reader and the server check it again). `checkCommitment` checks its shape;
// `unknownReferences` checks it against what the network holds (its
// partners, its maps' entries), which only a reader who knows them can.
import { isUuid } from '../uuid.ts';
import { amountProblem, cents, idList as ids, isIsoDate, text } from '../structured/check-fields.ts';
import { SYSTEMS, type NetworkSystem } from '../domain.ts';
import { COMMITMENT_LIMITS as LIMITS, type Commitment, type CommitmentField } from './commitment.ts';

export type CommitmentProblemCode =
	| 'required'
	| 'too_long'
	| 'unknown_system'
	| 'not_a_number'
	| 'out_of_range'
	| 'negative'
	| 'cents'
	| 'not_a_date'
	| 'ends_before_start'
	| 'too_many'
	| 'bad_id'
	| 'unknown_partner'
	| 'unknown_entry'
	| 'not_a_need';

export interface CommitmentProblem {
	field: CommitmentField | 'id';
	code: CommitmentProblemCode;
	/** The offending value, as given, when there is one to show. */
	value?: string;
}

export type CheckedCommitment =
	| { commitment: Commitment; problems: [] }
	| { commitment: null; problems: CommitmentProblem[] };

export { isIsoDate };

/**
 * Checks and tidies a commitment-shaped value: strings trimmed, ids in lower
 * case, lists without repeats. Answers the commitment, or every problem
 * found (not just the first), so a form can mark every field at once.
 */
export function checkCommitment(raw: Record<string, unknown>): CheckedCommitment {
	const problems: CommitmentProblem[] = [];
	const id = text(raw.id);
	if (!isUuid(id)) problems.push({ field: 'id', code: 'bad_id', value: id });

	const partnerId = text(raw.partnerId);
	if (!partnerId) problems.push({ field: 'partnerId', code: 'required' });
	else if (!isUuid(partnerId)) problems.push({ field: 'partnerId', code: 'bad_id', value: partnerId });

	const title = text(raw.title);
	if (!title) problems.push({ field: 'title', code: 'required' });
	else if (title.length > LIMITS.title) problems.push({ field: 'title', code: 'too_long' });

	const strings = {
		description: text(raw.description),
		spaces: text(raw.spaces),
		equipment: text(raw.equipment),
		contact: text(raw.contact)
	};
	for (const [field, value] of Object.entries(strings) as [keyof typeof strings, string][]) {
		if (value.length > LIMITS[field]) problems.push({ field, code: 'too_long' });
	}

	if (!SYSTEMS.includes(raw.system as NetworkSystem)) {
		problems.push({ field: 'system', code: raw.system ? 'unknown_system' : 'required', value: String(raw.system ?? '') });
	}

	for (const field of ['people', 'hours', 'euros'] as const) {
		const code = amountProblem(raw[field], LIMITS[field], field === 'euros' ? 'money' : 'count');
		if (code) problems.push({ field, code, value: String(raw[field]) });
	}
	const euros = (raw.euros ?? null) as number | null;

	const dates = { from: text(raw.from) || null, to: text(raw.to) || null };
	for (const field of ['from', 'to'] as const) {
		const value = dates[field];
		if (value !== null && !isIsoDate(value)) problems.push({ field, code: 'not_a_date', value });
	}
	if (dates.from && dates.to && isIsoDate(dates.from) && isIsoDate(dates.to) && dates.to < dates.from) {
		problems.push({ field: 'to', code: 'ends_before_start', value: dates.to });
	}

	const links = { needIds: ids(raw.needIds), entryIds: ids(raw.entryIds) };
	for (const field of ['needIds', 'entryIds'] as const) {
		if (links[field].length > LIMITS.links) problems.push({ field, code: 'too_many' });
		for (const value of links[field]) if (!isUuid(value)) problems.push({ field, code: 'bad_id', value });
	}

	if (problems.length > 0) return { commitment: null, problems };
	return {
		commitment: {
			id: id.toLowerCase(),
			partnerId: partnerId.toLowerCase(),
			title,
			...strings,
			system: raw.system as NetworkSystem,
			people: (raw.people ?? null) as number | null,
			hours: (raw.hours ?? null) as number | null,
			euros: cents(euros),
			...dates,
			needIds: links.needIds.map((value) => value.toLowerCase()),
			entryIds: links.entryIds.map((value) => value.toLowerCase())
		},
		problems: []
	};
}

/** What the network holds, as far as a commitment may name it. */
export interface KnownReferences {
	partners: ReadonlySet<string>;
	/** The network's map entries by id, with their category. */
	entries: ReadonlyMap<string, string>;
}

/** What a well-formed commitment names that the network does not hold, or that is not what it says. */
export function unknownReferences(commitment: Commitment, known: KnownReferences): CommitmentProblem[] {
	const problems: CommitmentProblem[] = [];
	if (!known.partners.has(commitment.partnerId)) {
		problems.push({ field: 'partnerId', code: 'unknown_partner', value: commitment.partnerId });
	}
	for (const id of commitment.needIds) {
		const category = known.entries.get(id);
		if (category === undefined) problems.push({ field: 'needIds', code: 'unknown_entry', value: id });
		else if (category !== 'need') problems.push({ field: 'needIds', code: 'not_a_need', value: id });
	}
	for (const id of commitment.entryIds) {
		if (!known.entries.has(id)) problems.push({ field: 'entryIds', code: 'unknown_entry', value: id });
	}
	return problems;
}
