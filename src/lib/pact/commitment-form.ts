// The commitment form's values are what people type, as text ("120.000,50"
// euros, dates from a date field); the commitment is what the pact's Yjs
// state holds. This module turns one into the other through the
// commitment's one check and its references, says which field each problem
// belongs to, and names the fields a save changes, so a save never
// overwrites what someone else changed meanwhile in the fields left alone.
import { intlLocale } from '../dates.ts';
import type { Locale } from '../i18n/translate.ts';
import { readNumber } from '../map/numbers.ts';
import { sameValue } from '../structured/kind.ts';
import type { ItemPatch } from '../structured/items-doc.ts';
import { COMMITMENT_FIELDS, type Commitment, type CommitmentField } from './commitment.ts';
import { checkCommitment, unknownReferences, type CommitmentProblem, type KnownReferences } from './check.ts';

export type CommitmentFormValues = { [F in CommitmentField]: Commitment[F] extends string[] ? string[] : string };

/** A number as the form shows it: no thousands separator, the language's decimal one ("120000,5"). */
function typed(value: number | null, locale: Locale): string {
	if (value === null) return '';
	return new Intl.NumberFormat(intlLocale(locale), { useGrouping: false, maximumFractionDigits: 2 }).format(value);
}

export function formValuesOf(commitment: Commitment, locale: Locale): CommitmentFormValues {
	return {
		...commitment,
		people: typed(commitment.people, locale),
		hours: typed(commitment.hours, locale),
		euros: typed(commitment.euros, locale),
		from: commitment.from ?? '',
		to: commitment.to ?? '',
		needIds: [...commitment.needIds],
		entryIds: [...commitment.entryIds]
	};
}

export type FromForm = { commitment: Commitment; problems: [] } | { commitment: null; problems: CommitmentProblem[] };

/**
 * The commitment the form describes, checked for its shape and against
 * what the network holds, or every problem with it. Counts read as Italian
 * and English write them: 1.200 ore, 120.000,50 €.
 */
export function commitmentFromForm(id: string, values: CommitmentFormValues, known: KnownReferences): FromForm {
	const checked = checkCommitment({
		...values,
		id,
		people: readNumber(values.people, 'integer'),
		hours: readNumber(values.hours, 'integer'),
		euros: readNumber(values.euros, 'integer')
	});
	if (!checked.commitment) return checked;
	const problems = unknownReferences(checked.commitment, known);
	return problems.length > 0 ? { commitment: null, problems } : checked;
}

/** The first problem of each field, as the form shows them; a bad id is said at the title. */
export function problemsByField(problems: CommitmentProblem[]): Partial<Record<CommitmentField, CommitmentProblem>> {
	const byField: Partial<Record<CommitmentField, CommitmentProblem>> = {};
	for (const problem of problems) byField[problem.field === 'id' ? 'title' : problem.field] ??= problem;
	return byField;
}

/** The fields whose value `after` changes from `before`: what a save writes. */
export function changedFields(before: Commitment, after: Commitment): ItemPatch<Commitment> {
	const patch: Record<string, unknown> = {};
	for (const field of COMMITMENT_FIELDS) {
		if (!sameValue(before[field], after[field])) patch[field] = after[field];
	}
	return patch as ItemPatch<Commitment>;
}
